package io.electa.registry.importing;

import java.time.LocalDate;

/** Voter rows in columns, as the bulk statement takes them. */
public final class VoterBatch {
    private final String[] nationalIds;
    private final String[] familyNames;
    private final String[] givenNames;
    private final LocalDate[] datesOfBirth;
    private final String[] stationCodes;
    private int size;

    public VoterBatch(int capacity) {
        nationalIds = new String[capacity];
        familyNames = new String[capacity];
        givenNames = new String[capacity];
        datesOfBirth = new LocalDate[capacity];
        stationCodes = new String[capacity];
    }

    public void add(String nationalId, String familyName, String givenName, LocalDate dateOfBirth,
            String stationCode) {
        nationalIds[size] = nationalId;
        familyNames[size] = familyName;
        givenNames[size] = givenName;
        datesOfBirth[size] = dateOfBirth;
        stationCodes[size] = stationCode;
        size++;
    }

    public int size() {
        return size;
    }

    public boolean isFull() {
        return size == nationalIds.length;
    }

    public String[] nationalIds() {
        return trimmed(nationalIds);
    }

    public String[] familyNames() {
        return trimmed(familyNames);
    }

    public String[] givenNames() {
        return trimmed(givenNames);
    }

    public LocalDate[] datesOfBirth() {
        return size == datesOfBirth.length ? datesOfBirth : java.util.Arrays.copyOf(datesOfBirth, size);
    }

    public String[] stationCodes() {
        return trimmed(stationCodes);
    }

    private String[] trimmed(String[] column) {
        return size == column.length ? column : java.util.Arrays.copyOf(column, size);
    }
}
