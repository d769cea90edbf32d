package io.electa.support.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The stored answer of a completed mutating request, returned again on a retry. */
@Entity
@Table(name = "processed_request")
public class ProcessedRequest {
    @Id
    @Column(name = "request_id")
    public String requestId;

    public String method;

    @Column(name = "request_sha256")
    public String requestSha256;

    public byte[] response;

    @Column(name = "created_at")
    public Instant createdAt;

    public static ProcessedRequest of(String requestId, String method, String requestSha256, byte[] response,
            Instant now) {
        ProcessedRequest processed = new ProcessedRequest();
        processed.requestId = requestId;
        processed.method = method;
        processed.requestSha256 = requestSha256;
        processed.response = response;
        processed.createdAt = now;
        return processed;
    }
}
