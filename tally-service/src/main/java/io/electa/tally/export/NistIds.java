package io.electa.tally.export;

/** The stable "@id" values used in the NIST export; the schema imposes no pattern on them. */
public final class NistIds {

    public static final String NATION = "gpu-nation";
    public static final String CONTEST = "contest-1";

    private NistIds() {
    }

    public static String district(String districtCode) {
        return "gpu-d-" + districtCode;
    }

    public static String station(String stationCode) {
        return "gpu-s-" + stationCode;
    }

    public static String candidate(String candidateCode) {
        return "cand-" + candidateCode;
    }

    public static String selection(String candidateCode) {
        return "cs-" + candidateCode;
    }

    /** Parties are numbered 1.. in order of first appearance on the ballot. */
    public static String party(int number) {
        return "party-" + number;
    }
}
