package io.electa.observer;

import static io.electa.testing.GrpcAssertions.errorInfo;
import static io.electa.testing.GrpcAssertions.failure;
import static io.electa.testing.GrpcAssertions.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.electa.observer.service.ServiceClock;
import io.electa.observer.v1.Accreditation;
import io.electa.observer.v1.BadgeCredential;
import io.electa.observer.v1.BadgePayload;
import io.electa.observer.v1.BadgeStatus;
import io.electa.observer.v1.GetBadgeCredentialRequest;
import io.electa.common.v1.KeySet;
import io.electa.observer.v1.GetBadgeKeySetRequest;
import io.electa.observer.v1.GetSigningKeyRequest;
import io.electa.observer.v1.MissionRole;
import io.electa.observer.v1.SigningKey;
import io.electa.observer.v1.VerifyBadgeRequest;
import io.electa.observer.v1.VerifyBadgeResponse;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BadgeTest extends ObserverTestSupport {
    private static final Instant VALID_UNTIL = Instant.parse("2027-02-09T00:00:00Z");

    @Test
    void approvedBadgeIsValidWithNamesAndOrganisationOnly() {
        String org = newOrganisation();
        Accreditation a = approved(org, newElection());

        VerifyBadgeResponse check = verify(a.getBadgeNumber());

        assertThat(check.getStatus()).isEqualTo(BadgeStatus.BADGE_STATUS_VALID);
        assertThat(check.getGivenName()).isEqualTo(a.getObserver().getGivenName());
        assertThat(check.getFamilyName()).isEqualTo(a.getObserver().getFamilyName());
        assertThat(check.getOrganisationName()).isEqualTo("Organisation " + org);
    }

    @Test
    void badgeNumberMatchesInAnyCaseWithOrWithoutItsDash() {
        String badge = approved(newOrganisation(), newElection()).getBadgeNumber();

        assertThat(verify(badge.toLowerCase(Locale.ROOT).replace("-", "")).getStatus())
                .isEqualTo(BadgeStatus.BADGE_STATUS_VALID);
        assertThat(verify(" " + badge.toLowerCase(Locale.ROOT) + " ").getStatus())
                .isEqualTo(BadgeStatus.BADGE_STATUS_VALID);
    }

    @Test
    void revokedBadgeIsRevoked() {
        Accreditation a = approved(newOrganisation(), newElection());
        AccreditationTest.revoke(a.getAccreditationId(), "breach");

        assertThat(verify(a.getBadgeNumber()).getStatus()).isEqualTo(BadgeStatus.BADGE_STATUS_REVOKED);
    }

    @Test
    void badgeAfterTheCountingDayIsExpiredAndGetsNoCredential() {
        Accreditation a = approved(newOrganisation(), newElection());
        QuarkusMock.installMockForType(new ShiftedClock(Duration.between(Instant.now(), VALID_UNTIL)),
                ServiceClock.class);

        assertThat(verify(a.getBadgeNumber()).getStatus()).isEqualTo(BadgeStatus.BADGE_STATUS_EXPIRED);
        var e = failure(Status.Code.FAILED_PRECONDITION, () -> credential(a.getAccreditationId()));
        assertThat(errorInfo(e).getReason()).isEqualTo("BADGE_EXPIRED");
    }

    @Test
    void unknownBadgeIsUnknownWithoutNames() {
        VerifyBadgeResponse check = verify("00000-00000");

        assertThat(check.getStatus()).isEqualTo(BadgeStatus.BADGE_STATUS_UNKNOWN);
        assertThat(check.getGivenName() + check.getFamilyName() + check.getOrganisationName()).isEmpty();
    }

    @Test
    void malformedBadgeNumberIsInvalid() {
        for (String bad : new String[] {"", "K7M2Q-9XR4", "K7M2Q-9XR4TT", "I7M2Q-9XR4T", "K7M2Q_9XR4T"}) {
            var e = failure(Status.Code.INVALID_ARGUMENT, () -> verify(bad));
            assertThat(violatedFields(e)).containsExactly("badge_number");
        }
    }

    @Test
    void credentialVerifiesOfflineWithThePublishedKey() throws Exception {
        Accreditation a = approved(newOrganisation(), newElection());
        SigningKey key = observer().getSigningKey(GetSigningKeyRequest.getDefaultInstance()).getKey();

        BadgeCredential credential = credential(a.getAccreditationId());
        byte[][] qr = parseQr(credential.getQrText());

        assertThat(qr[0]).isEqualTo(credential.getPayload().toByteArray());
        assertThat(qr[1]).isEqualTo(credential.getSignature().toByteArray()).hasSize(64);
        assertThat(verifies(key.getPublicKey(), qr[0], qr[1])).isTrue();
        BadgePayload payload = BadgePayload.parseFrom(qr[0]);
        assertThat(payload.getKeyId()).isEqualTo(key.getKeyId()).isEqualTo(credential.getKeyId());
        assertThat(payload.getBadgeNumber()).isEqualTo(a.getBadgeNumber());
        assertThat(payload.getAccreditationId()).isEqualTo(a.getAccreditationId());
        assertThat(payload.getFamilyName()).isEqualTo(a.getObserver().getFamilyName());
        assertThat(payload.getMissionRole()).isEqualTo(MissionRole.MISSION_ROLE_SHORT_TERM_OBSERVER);
        assertThat(payload.getValidUntil()).isEqualTo(a.getValidUntil());
    }

    @Test
    void credentialWithAChangedFieldFailsVerification() throws Exception {
        Accreditation a = approved(newOrganisation(), newElection());
        SigningKey key = observer().getSigningKey(GetSigningKeyRequest.getDefaultInstance()).getKey();
        BadgeCredential credential = credential(a.getAccreditationId());
        BadgePayload payload = BadgePayload.parseFrom(credential.getPayload());

        byte[] renamed = payload.toBuilder().setFamilyName("Impostor").build().toByteArray();
        byte[] extended = payload.toBuilder().setValidUntil(payload.getValidUntil().toBuilder()
                .setSeconds(payload.getValidUntil().getSeconds() + 86_400)).build().toByteArray();
        byte[] signature = credential.getSignature().toByteArray();

        assertThat(verifies(key.getPublicKey(), renamed, signature)).isFalse();
        assertThat(verifies(key.getPublicKey(), extended, signature)).isFalse();
        assertThat(verifies(key.getPublicKey(), credential.getPayload().toByteArray(), signature)).isTrue();
    }

    @Test
    void signingKeyIdIsDerivedFromThePublicKey() throws Exception {
        SigningKey key = observer().getSigningKey(GetSigningKeyRequest.getDefaultInstance()).getKey();

        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getPublicKey().toByteArray());
        assertThat(key.getKeyId()).isEqualTo(HexFormat.of().formatHex(digest, 0, 8));
        assertThat(key.getAlgorithm()).isEqualTo("Ed25519");
        assertThat(key.getPublicKey().size()).isEqualTo(32);
        assertThat(key.getPublicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(observer().getSigningKey(GetSigningKeyRequest.newBuilder().setKeyId(key.getKeyId()).build())
                .getKey()).isEqualTo(key);
    }

    @Test
    void theBadgeKeySetPublishesTheCurrentSigningKey() {
        SigningKey key = observer().getSigningKey(GetSigningKeyRequest.getDefaultInstance()).getKey();

        KeySet keys = observer().getBadgeKeySet(GetBadgeKeySetRequest.getDefaultInstance()).getKeySet();

        assertThat(keys.getCurrentKeyId()).isEqualTo(key.getKeyId());
        assertThat(keys.getKeysList()).singleElement().satisfies(published -> {
            assertThat(published.getKeyId()).isEqualTo(key.getKeyId());
            assertThat(published.getPublicKey()).isEqualTo(key.getPublicKey());
            assertThat(published.getPublicKeyPem()).isEqualTo(key.getPublicKeyPem());
            assertThat(published.hasRetireTime()).isFalse();
            assertThat(published.hasCompromiseTime()).isFalse();
        });
    }

    @Test
    void unknownSigningKeyIsNotFound() {
        failure(Status.Code.NOT_FOUND, () -> observer().getSigningKey(
                GetSigningKeyRequest.newBuilder().setKeyId("0123456789abcdef").build()));
    }

    @Test
    void credentialOfAPendingOrRevokedAccreditationIsFailedPrecondition() {
        Accreditation pending = apply(newOrganisation(), newElection());
        Accreditation revoked = approved(newOrganisation(), newElection());
        AccreditationTest.revoke(revoked.getAccreditationId(), "breach");

        failure(Status.Code.FAILED_PRECONDITION, () -> credential(pending.getAccreditationId()));
        failure(Status.Code.FAILED_PRECONDITION, () -> credential(revoked.getAccreditationId()));
        failure(Status.Code.NOT_FOUND, () -> credential(UUID.randomUUID().toString()));
    }

    private static VerifyBadgeResponse verify(String badge) {
        return observer().verifyBadge(VerifyBadgeRequest.newBuilder().setBadgeNumber(badge).build());
    }

    private static BadgeCredential credential(String accreditationId) {
        return observer().getBadgeCredential(GetBadgeCredentialRequest.newBuilder()
                .setAccreditationId(accreditationId).build()).getCredential();
    }

    /** What an offline checker does: split "EB1.<payload>.<signature>" and decode both parts. */
    private static byte[][] parseQr(String qr) {
        assertThat(qr).startsWith("EB1.").doesNotContain("=");
        String[] parts = qr.substring(4).split("\\.");
        assertThat(parts).hasSize(2);
        return new byte[][] {Base64.getUrlDecoder().decode(parts[0]), Base64.getUrlDecoder().decode(parts[1])};
    }

    /** Pure Ed25519 verification with only the raw 32-byte public key, as published. */
    private static boolean verifies(ByteString rawPublicKey, byte[] payload, byte[] signature) throws Exception {
        byte[] x509 = new byte[44];
        System.arraycopy(HexFormat.of().parseHex("302a300506032b6570032100"), 0, x509, 0, 12);
        System.arraycopy(rawPublicKey.toByteArray(), 0, x509, 12, 32);
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(payload);
        return verifier.verify(signature);
    }
}
