package io.electa.registry.importing;

import java.util.ArrayList;
import java.util.List;

/** Station rows in columns, as the bulk statement takes them. */
public final class StationBatch {
    private final List<ImportedStation> rows = new ArrayList<>();

    public void add(ImportedStation station) {
        rows.add(station);
    }

    public int size() {
        return rows.size();
    }

    public String[] stationCodes() {
        return rows.stream().map(ImportedStation::stationCode).toArray(String[]::new);
    }

    public String[] districtCodes() {
        return rows.stream().map(ImportedStation::districtCode).toArray(String[]::new);
    }

    public String[] names() {
        return rows.stream().map(ImportedStation::name).toArray(String[]::new);
    }

    public String[] addresses() {
        return rows.stream().map(ImportedStation::address).toArray(String[]::new);
    }
}
