package io.electa.observer.service;

import io.electa.observer.v1.ErrorReason;
import io.electa.observer.domain.Accreditation;
import io.electa.observer.domain.Assignment;
import io.electa.observer.domain.StationFacts;
import io.electa.observer.repository.AccreditationRepository;
import io.electa.observer.repository.AssignmentRepository;
import io.electa.support.domain.AlreadyExistsException;
import io.electa.support.domain.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Deployment plans: approved observers assigned to registry stations. */
@ApplicationScoped
public class DeploymentService {
    private static final String ACTION = "assign the observer of";

    private final AccreditationRepository accreditations;
    private final AssignmentRepository assignments;
    private final ServiceClock clock;

    public DeploymentService(AccreditationRepository accreditations, AssignmentRepository assignments,
            ServiceClock clock) {
        this.accreditations = accreditations;
        this.assignments = assignments;
        this.clock = clock;
    }

    /** The accreditation if it may be deployed (APPROVED, not expired): checked before asking the registry. */
    @WithSession
    public Uni<Accreditation> requireDeployable(UUID accreditationId) {
        return accreditations.require(accreditationId)
                .invoke(a -> a.requireActive(clock.now(), ACTION));
    }

    /** Assigns the observer to the station (which the registry confirmed in the accreditation's election). */
    @WithTransaction
    public Uni<Assignment> assign(UUID accreditationId, StationFacts station, String by) {
        return accreditations.requireForUpdate(accreditationId)
                .invoke(a -> a.requireActive(clock.now(), ACTION))
                .call(a -> requireNotAssigned(a, station))
                .chain(a -> assignments.persist(Assignment.of(a, station, by, clock.now())));
    }

    @WithSession
    public Uni<Page<Assignment>> page(AssignmentRepository.Query query, List<String> after, int size) {
        return assignments.page(query, after, size);
    }

    private Uni<Void> requireNotAssigned(Accreditation a, StationFacts station) {
        return assignments.find(a.accreditationId, station.stationCode())
                .invoke(existing -> {
                    if (existing != null) {
                        throw new AlreadyExistsException("accreditation " + a.accreditationId
                                + " is already assigned to station " + station.stationCode(), ErrorReason.ALREADY_ASSIGNED,
                                Map.of("assignment_id", existing.assignmentId.toString()));
                    }
                })
                .replaceWithVoid();
    }
}
