package io.electa.tally.export;

import java.util.List;

/** Everything an export needs, read at one ledger sequence. */
public record ExportData(ExportElection election, List<ExportCandidate> candidates, List<ExportDistrict> districts) {}
