package io.electa.observer.service;

import io.electa.observer.badge.BadgeCredentials;
import io.electa.observer.badge.BadgeSigner;
import io.electa.support.signing.KeyRing;
import io.electa.support.signing.SigningKey;
import io.electa.observer.domain.Accreditation;
import io.electa.observer.domain.AccreditationStatus;
import io.electa.observer.repository.AccreditationRepository;
import io.electa.observer.repository.OrganisationRepository;
import io.electa.observer.v1.BadgeCredential;
import io.electa.support.domain.NotFoundException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Badge checks (public), signed badge credentials and the published signing key. */
@ApplicationScoped
public class BadgeService {
    private final AccreditationRepository accreditations;
    private final OrganisationRepository organisations;
    private final BadgeCredentials credentials;
    private final BadgeSigner signer;
    private final ServiceClock clock;

    public BadgeService(AccreditationRepository accreditations, OrganisationRepository organisations,
            BadgeCredentials credentials, BadgeSigner signer, ServiceClock clock) {
        this.accreditations = accreditations;
        this.organisations = organisations;
        this.credentials = credentials;
        this.signer = signer;
        this.clock = clock;
    }

    /** A badge's status now, with the observer's and organisation's names only. */
    public record Check(Status status, String givenName, String familyName, String organisationName) {
        static final Check UNKNOWN = new Check(Status.UNKNOWN, "", "", "");
    }

    /** What a badge check can find. */
    public enum Status {
        VALID, REVOKED, EXPIRED, UNKNOWN
    }

    /** Checks a badge number (already in canonical form). */
    @WithSession
    public Uni<Check> verify(String badgeNumber) {
        Instant now = clock.now();
        return accreditations.findByBadge(badgeNumber)
                .chain(a -> a == null
                        ? Uni.createFrom().item(Check.UNKNOWN)
                        : organisations.require(a.organisationId)
                                .map(o -> new Check(statusOf(a, now), a.givenName, a.familyName, o.name)));
    }

    /** The signed badge of an APPROVED, unexpired accreditation. */
    @WithSession
    public Uni<BadgeCredential> credential(UUID accreditationId) {
        Instant now = clock.now();
        return accreditations.require(accreditationId)
                .invoke(a -> a.requireActive(now, "issue a badge credential for"))
                .chain(a -> organisations.require(a.organisationId)
                        .map(o -> credentials.issue(a, o.name, now)));
    }

    /** The current key (empty id) or the one named, current or earlier; NOT_FOUND otherwise. */
    public SigningKey signingKey(String keyId) {
        if (keyId.isEmpty()) {
            return signer.keys().current();
        }
        return signer.keys().find(keyId)
                .orElseThrow(() -> new NotFoundException("signing key " + keyId + " not found"));
    }

    /** Every badge-signing key, current and earlier. */
    public KeyRing keys() {
        return signer.keys();
    }

    private static Status statusOf(Accreditation a, Instant now) {
        if (a.status == AccreditationStatus.REVOKED) {
            return Status.REVOKED;
        }
        return a.isExpiredAt(now) ? Status.EXPIRED : Status.VALID;
    }
}
