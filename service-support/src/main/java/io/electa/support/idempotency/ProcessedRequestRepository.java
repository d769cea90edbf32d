package io.electa.support.idempotency;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

/** Answers of completed mutating requests. */
@ApplicationScoped
@WithSession
public class ProcessedRequestRepository implements PanacheRepositoryBase<ProcessedRequest, String> {
}
