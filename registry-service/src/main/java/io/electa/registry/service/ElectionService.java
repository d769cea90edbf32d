package io.electa.registry.service;

import io.electa.registry.v1.ErrorReason;
import io.electa.registry.domain.Election;
import io.electa.registry.domain.RollDigest;
import io.electa.registry.repository.ElectionRepository;
import io.electa.registry.repository.RollDigestRepository;
import io.electa.support.domain.AlreadyExistsException;
import io.electa.support.domain.Clock;
import io.electa.support.domain.FailedPreconditionException;
import io.electa.support.domain.NotFoundException;
import io.electa.support.domain.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Elections and their lifecycle: SCHEDULED -> ROLL_FROZEN -> POLLING -> CLOSED. */
@ApplicationScoped
public class ElectionService {
    private final ElectionRepository elections;
    private final RollDigestRepository digests;
    private final Duration freezeTimeout;

    public ElectionService(ElectionRepository elections, RollDigestRepository digests,
            @ConfigProperty(name = "electa.freeze.statement-timeout") Duration freezeTimeout) {
        this.elections = elections;
        this.digests = digests;
        this.freezeTimeout = freezeTimeout;
    }

    @WithTransaction
    public Uni<Election> create(String electionId, String name, LocalDate electionDay) {
        return elections.findById(electionId)
                .onItem().ifNotNull().failWith(() -> new AlreadyExistsException(
                        "election " + electionId + " already exists", ErrorReason.ELECTION_EXISTS))
                .chain(() -> elections.persist(Election.schedule(electionId, name, electionDay, Clock.now())));
    }

    public Uni<Election> get(String electionId) {
        return elections.require(electionId);
    }

    public Uni<Page<Election>> page(String afterKey, int size) {
        return elections.page(afterKey, size);
    }

    /** Freezes the roll: digests and counters are stored with the status change, atomically. */
    @WithTransaction
    public Uni<RollDigest> freezeRoll(String electionId) {
        return elections.requireForUpdate(electionId)
                .invoke(election -> election.requireRollOpen())
                .chain(election -> digests.freeze(electionId, freezeTimeout)
                        .invoke(digest -> election.markRollFrozen(digest.totalRegistered(), digest.sha256(), Clock.now()))
                        .replaceWith(election))
                .chain(election -> digest(election, ""));
    }

    /** The published digest of a frozen roll, for all stations or one. */
    @WithSession
    public Uni<RollDigest> rollDigest(String electionId, String stationCode) {
        return elections.require(electionId)
                .invoke(ElectionService::requireFrozen)
                .chain(election -> digest(election, stationCode));
    }

    @WithTransaction
    public Uni<Election> openPolls(String electionId) {
        return elections.requireForUpdate(electionId)
                .invoke(election -> election.openPolls(Clock.now()));
    }

    @WithTransaction
    public Uni<Election> closePolls(String electionId) {
        return elections.requireForUpdate(electionId)
                .invoke(election -> election.closePolls(Clock.now()));
    }

    private Uni<RollDigest> digest(Election election, String stationCode) {
        return digests.stations(election.electionId, stationCode)
                .invoke(stations -> {
                    if (!stationCode.isEmpty() && stations.isEmpty()) {
                        throw new NotFoundException(
                                "station " + stationCode + " not found in election " + election.electionId);
                    }
                })
                .map(stations -> new RollDigest(election.electionId, election.totalRegistered,
                        election.rollSha256, election.rollFrozenAt, stations));
    }

    private static void requireFrozen(Election election) {
        if (election.rollFrozenAt == null) {
            throw new FailedPreconditionException(
                    "the roll of election " + election.electionId + " is not frozen yet", ErrorReason.ROLL_NOT_FROZEN);
        }
    }
}
