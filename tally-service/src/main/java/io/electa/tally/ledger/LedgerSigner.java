package io.electa.tally.ledger;

import io.electa.support.domain.Clock;
import io.electa.support.grpc.Timestamps;
import io.electa.support.signing.KeyRing;
import io.electa.support.signing.KeyRingSettings;
import io.electa.tally.v1.LedgerHead;
import io.electa.tally.v1.LedgerHeadStatement;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs the ledger heads the tally serves (LedgerHead.signed_statement) with its ledger keys
 * (Ed25519), from {@code electa.ledger.*}: the current key {@code signing-key} (PKCS#8, base64),
 * from {@code signing-key-activated}, and the {@code earlier-keys} it replaced. Without a key the
 * service does not start in production ({@code electa.ledger.require-key}); see {@link KeyRing}.
 */
@Startup
@ApplicationScoped
public class LedgerSigner {
    private final KeyRing keys;

    public LedgerSigner(@ConfigProperty(name = "electa.ledger.signing-key") Optional<String> signingKey,
            @ConfigProperty(name = "electa.ledger.signing-key-activated") Optional<String> activated,
            @ConfigProperty(name = "electa.ledger.earlier-keys") Optional<String> earlierKeys,
            @ConfigProperty(name = "electa.ledger.require-key") boolean required) {
        this.keys = KeyRing.load(new KeyRingSettings("electa.ledger", "ELECTA_LEDGER", signingKey, activated,
                earlierKeys, required));
    }

    /** The current and earlier ledger keys. */
    public KeyRing keys() {
        return keys;
    }

    /**
     * {@code head} with its signature by the current key, now: the deterministic encoding of its
     * LedgerHeadStatement; {@code certified} when the head entry is the RESULTS_CERTIFIED entry.
     */
    public LedgerHead signed(LedgerHead head, boolean certified) {
        Instant recorded = Timestamps.fromProto(head.getRecordTime());
        Instant now = Clock.now();
        LedgerHeadStatement statement = LedgerHeadStatement.newBuilder()
                .setElectionId(head.getElectionId())
                .setSequence(head.getSequence())
                .setEntryHash(head.getEntryHash())
                .setRecordTime(head.getRecordTime())
                .setCertified(certified)
                .setSignTime(Timestamps.toProto(now.isBefore(recorded) ? recorded : now))
                .setKeyId(keys.current().keyId())
                .build();
        return head.toBuilder()
                .setSignedStatement(keys.signed(LedgerAppender.deterministicBytes(statement)))
                .build();
    }
}
