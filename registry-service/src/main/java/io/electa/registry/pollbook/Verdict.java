package io.electa.registry.pollbook;

/**
 * What became of one queued mark (see the contract's MarkVerdict).
 *
 * @param requestId the mark's request_id, or "" when it was malformed
 * @param nationalId the voter, or "" when malformed
 * @param outcome what became of it
 * @param rejection why it was rejected, or null
 * @param countedStation where the voter's counted mark is, or ""
 * @param message for people
 */
public record Verdict(String requestId, String nationalId, Outcome outcome, Rejection rejection,
        String countedStation, String message) {

    /** The outcomes of a queued mark. */
    public enum Outcome { RECORDED, ALREADY_RECORDED, CONFLICT, REJECTED }

    /** Why a queued mark is not recorded. */
    public enum Rejection { MALFORMED, NOT_ON_ROLL, WRONG_STATION, ABSENTEE_ELSEWHERE, REQUEST_ID_REUSED }

    static Verdict recorded(QueuedMark mark, String station) {
        return new Verdict(mark.key().requestId(), mark.nationalId(), Outcome.RECORDED, null, station,
                "voter marked at station " + station);
    }

    static Verdict alreadyRecorded(QueuedMark mark, String station) {
        return new Verdict(mark.key().requestId(), mark.nationalId(), Outcome.ALREADY_RECORDED, null, station,
                "this mark was recorded before");
    }

    static Verdict conflict(QueuedMark mark, String countedStation) {
        return new Verdict(mark.key().requestId(), mark.nationalId(), Outcome.CONFLICT, null, countedStation,
                "the voter had already been marked at station " + countedStation
                        + ": kept as a suspected double vote for review, not counted again");
    }

    static Verdict rejected(QueuedMark mark, Rejection why, String message) {
        return new Verdict(mark.key().requestId(), mark.nationalId(), Outcome.REJECTED, why, "", message);
    }

    /** A mark with a malformed field: nothing of it is repeated. */
    static Verdict malformed(String message) {
        return new Verdict("", "", Outcome.REJECTED, Rejection.MALFORMED, "", message);
    }
}
