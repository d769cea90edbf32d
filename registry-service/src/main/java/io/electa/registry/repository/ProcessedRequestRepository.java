package io.electa.registry.repository;

import io.electa.registry.domain.ProcessedRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

/** Answers of completed mutating requests. */
@ApplicationScoped
@WithSession
public class ProcessedRequestRepository implements PanacheRepositoryBase<ProcessedRequest, String> {
}
