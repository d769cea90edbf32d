package io.electa.observer.badge;

import com.google.protobuf.ByteString;
import io.electa.observer.domain.Accreditation;
import io.electa.observer.v1.BadgeCredential;
import io.electa.observer.v1.BadgePayload;
import io.electa.observer.v1.MissionRole;
import io.electa.support.grpc.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Base64;

/**
 * Badge credentials for QR codes: the BadgePayload's protobuf bytes, their Ed25519 signature and
 * the QR text "EB1." + base64url(payload) + "." + base64url(signature) (no padding).
 */
@ApplicationScoped
public class BadgeCredentials {
    public static final String QR_PREFIX = "EB1.";

    private final BadgeSigner signer;

    public BadgeCredentials(BadgeSigner signer) {
        this.signer = signer;
    }

    /** Signs the badge of an accreditation (the caller checked it is APPROVED and valid). */
    public BadgeCredential issue(Accreditation a, String organisationName, Instant now) {
        String keyId = signer.keys().current().keyId();
        byte[] payload = BadgePayload.newBuilder()
                .setKeyId(keyId)
                .setBadgeNumber(a.badgeNumber)
                .setAccreditationId(a.accreditationId.toString())
                .setElectionId(a.electionId)
                .setGivenName(a.givenName)
                .setFamilyName(a.familyName)
                .setCitizenship(a.citizenship)
                .setOrganisationId(a.organisationId)
                .setOrganisationName(organisationName)
                .setMissionRole(MissionRole.valueOf(a.missionRole))
                .setValidUntil(Timestamps.toProto(a.validUntil))
                .setIssueTime(Timestamps.toProto(now))
                .build()
                .toByteArray();
        byte[] signature = signer.keys().sign(payload);
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        return BadgeCredential.newBuilder()
                .setPayload(ByteString.copyFrom(payload))
                .setSignature(ByteString.copyFrom(signature))
                .setKeyId(keyId)
                .setQrText(QR_PREFIX + base64url.encodeToString(payload) + "." + base64url.encodeToString(signature))
                .build();
    }

}
