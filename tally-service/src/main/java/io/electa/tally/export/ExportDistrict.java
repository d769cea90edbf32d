package io.electa.tally.export;

import java.util.List;

/** A district (all of them, also those without counted stations) and its counted stations ordered by station code. */
public record ExportDistrict(String districtCode, String name, List<ExportStation> stations) {}
