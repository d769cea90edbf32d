package io.electa.observer.service;

import io.electa.observer.v1.ErrorReason;
import io.electa.observer.badge.BadgeNumbers;
import io.electa.observer.domain.Accreditation;
import io.electa.observer.domain.AccreditationCalendar;
import io.electa.observer.domain.AccreditationStatus;
import io.electa.observer.domain.Application;
import io.electa.observer.domain.ElectionFacts;
import io.electa.observer.domain.Quota;
import io.electa.observer.repository.AccreditationRepository;
import io.electa.observer.repository.OrganisationRepository;
import io.electa.observer.repository.QuotaRepository;
import io.electa.support.domain.AlreadyExistsException;
import io.electa.support.domain.FailedPreconditionException;
import io.electa.support.domain.Page;
import io.electa.support.domain.UniqueViolations;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Applications for accreditation and the officer's decisions on them. */
@ApplicationScoped
public class AccreditationService {
    static final String LIVE_INDEX = "one_live_accreditation";

    private final AccreditationRepository accreditations;
    private final OrganisationRepository organisations;
    private final QuotaRepository quotas;
    private final AccreditationCalendar calendar;
    private final ServiceClock clock;

    public AccreditationService(AccreditationRepository accreditations, OrganisationRepository organisations,
            QuotaRepository quotas, AccreditationCalendar calendar, ServiceClock clock) {
        this.accreditations = accreditations;
        this.organisations = organisations;
        this.quotas = quotas;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Files a PENDING accreditation: before the deadline, within the organisation's quota (its
     * row is locked, so concurrent applications queue), for a person without a live one.
     */
    @WithTransaction
    public Uni<Accreditation> apply(Application application, ElectionFacts election) {
        Instant now = clock.now();
        return Uni.createFrom().voidItem()
                .invoke(() -> requireBeforeDeadline(election, now))
                .chain(() -> organisations.require(application.organisationId()))
                .chain(() -> quotas.findForUpdate(application.organisationId(), application.electionId()))
                .call(quota -> requireWithinQuota(quota, application))
                .chain(() -> requireNoLiveAccreditation(application))
                .chain(() -> accreditations.persist(Accreditation.apply(application, election.electionDay(), now)));
    }

    /**
     * Whether {@code failure} is a concurrent twin application winning the one-live-accreditation
     * index; then {@link #liveConflict} names the winner.
     */
    public static boolean isLiveDuplicate(Throwable failure) {
        return UniqueViolations.isOf(failure, LIVE_INDEX);
    }

    /** Fails with ALREADY_EXISTS naming the person's live accreditation. */
    @WithSession
    public Uni<Accreditation> liveConflict(Application application) {
        return requireNoLiveAccreditation(application)
                .chain(() -> Uni.createFrom().failure(new AlreadyExistsException(
                        "a concurrent application for the same person was accepted first",
                        io.electa.common.v1.ErrorReason.CONCURRENTLY_CREATED)));
    }

    @WithSession
    public Uni<Accreditation> get(UUID accreditationId) {
        return accreditations.require(accreditationId);
    }

    @WithSession
    public Uni<Page<Accreditation>> page(String electionId, String organisationId, String citizenship,
            AccreditationStatus status, List<String> after, int size) {
        return accreditations.page(electionId, organisationId, citizenship, status, after, size);
    }

    /** PENDING -> APPROVED: a new random badge number, valid until the end of the counting day. */
    @WithTransaction
    public Uni<Accreditation> approve(UUID accreditationId, String by) {
        return accreditations.requireForUpdate(accreditationId)
                .invoke(a -> a.approve(BadgeNumbers.generate(), calendar.validUntil(a.electionDay), by, clock.now()));
    }

    @WithTransaction
    public Uni<Accreditation> refuse(UUID accreditationId, String reason, String by) {
        return accreditations.requireForUpdate(accreditationId)
                .invoke(a -> a.refuse(reason, by, clock.now()));
    }

    @WithTransaction
    public Uni<Accreditation> revoke(UUID accreditationId, String reason) {
        return accreditations.requireForUpdate(accreditationId)
                .invoke(a -> a.revoke(reason, clock.now()));
    }

    private void requireBeforeDeadline(ElectionFacts election, Instant now) {
        Instant deadline = calendar.applicationDeadline(election.electionDay());
        if (!now.isBefore(deadline)) {
            throw new FailedPreconditionException("applications for election " + election.electionId()
                    + " closed at " + deadline, ErrorReason.DEADLINE_PASSED, Map.of("deadline", deadline.toString()));
        }
    }

    private Uni<Void> requireWithinQuota(Quota quota, Application application) {
        if (quota == null || quota.maxObservers == null) {
            return Uni.createFrom().voidItem();
        }
        return accreditations.countLive(application.organisationId(), application.electionId())
                .invoke(used -> {
                    if (quota.isReachedBy(used)) {
                        throw new FailedPreconditionException("organisation " + application.organisationId()
                                + " has reached its quota of " + quota.maxObservers + " observers in election "
                                + application.electionId(), ErrorReason.QUOTA_REACHED,
                                Map.of("max_observers", quota.maxObservers.toString()));
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> requireNoLiveAccreditation(Application application) {
        var person = application.person();
        return accreditations.findLive(application.electionId(), person.citizenship(), person.documentNumber())
                .invoke(live -> {
                    if (live != null) {
                        throw new AlreadyExistsException("the person with document " + person.documentNumber()
                                + " (" + person.citizenship() + ") already holds accreditation " + live.accreditationId
                                + " (" + live.status + ") in election " + application.electionId(),
                                ErrorReason.ALREADY_ACCREDITED, Map.of("accreditation_id", live.accreditationId.toString()));
                    }
                })
                .replaceWithVoid();
    }
}
