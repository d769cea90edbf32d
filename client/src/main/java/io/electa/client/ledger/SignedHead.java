package io.electa.client.ledger;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import io.electa.client.signing.PublishedKeys;
import io.electa.tally.v1.LedgerHead;
import io.electa.tally.v1.LedgerHeadStatement;
import java.time.Instant;

/**
 * A ledger head whose signature has been checked: what the tally stated (its
 * LedgerHeadStatement) and which key vouches for it. See LedgerHead.signed_statement.
 */
public record SignedHead(LedgerHeadStatement statement) {

    /** The key that signed. */
    public String keyId() {
        return statement.getKeyId();
    }

    /** When the tally signed. */
    public Instant signTime() {
        return instant(statement.getSignTime());
    }

    /** The verdict on a head: the signed statement when it holds, else why not. */
    public record Check(SignedHead head, String problem) {
        public boolean valid() {
            return problem == null;
        }
    }

    /**
     * Checks {@code head}'s signature with the published {@code keys}: the key, the signature over
     * the statement's bytes as received, the sign time within the key's validity, and that the
     * statement says what the head shows.
     */
    public static Check check(LedgerHead head, PublishedKeys keys) {
        if (!head.hasSignedStatement()) {
            return refused("the head of entry " + head.getSequence() + " is not signed");
        }
        LedgerHeadStatement statement;
        try {
            statement = LedgerHeadStatement.parseFrom(head.getSignedStatement().getStatement());
        } catch (InvalidProtocolBufferException e) {
            return refused("the signed statement of the head of entry " + head.getSequence()
                    + " is not a LedgerHeadStatement");
        }
        String keyProblem = keys.problem(head.getSignedStatement(), instant(statement.getSignTime()));
        if (keyProblem != null) {
            return refused("the head of entry " + head.getSequence() + ": " + keyProblem);
        }
        if (!statement.getElectionId().equals(head.getElectionId()) || statement.getSequence() != head.getSequence()
                || !statement.getEntryHash().equals(head.getEntryHash())
                || !statement.getRecordTime().equals(head.getRecordTime())
                || !statement.getKeyId().equals(head.getSignedStatement().getKeyId())) {
            return refused("the head shows entry " + head.getSequence() + " with hash " + head.getEntryHash()
                    + ", but the tally signed entry " + statement.getSequence() + " with hash "
                    + statement.getEntryHash());
        }
        if (instant(statement.getRecordTime()).isAfter(instant(statement.getSignTime()))) {
            return refused("the head of entry " + head.getSequence() + " is signed before its entry was recorded");
        }
        return new Check(new SignedHead(statement), null);
    }

    private static Check refused(String problem) {
        return new Check(null, problem);
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
