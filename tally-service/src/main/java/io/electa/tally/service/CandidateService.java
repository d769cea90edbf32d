package io.electa.tally.service;

import io.electa.tally.v1.ErrorReason;
import io.electa.support.domain.FailedPreconditionException;
import io.electa.tally.client.RegistryClient;
import io.electa.tally.ledger.LedgerAppender;
import io.electa.tally.ledger.Mutation;
import io.electa.tally.ledger.Outcome;
import io.electa.tally.repository.CandidateRepository;
import io.electa.tally.v1.Candidate;
import io.electa.tally.v1.CandidatesDefined;
import io.electa.tally.v1.DefineCandidatesRequest;
import io.electa.tally.v1.DefineCandidatesResponse;
import io.electa.tally.v1.LedgerEntryKind;
import io.electa.tally.v1.LedgerRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Candidate lists: defined (and redefined) until the polls open, locked afterwards. A locked list
 * is cached, since it can no longer change.
 */
@ApplicationScoped
public class CandidateService {
    private final RegistryClient registry;
    private final LedgerAppender appender;
    private final CandidateRepository candidates;
    private final Pool pool;
    private final Map<String, List<Candidate>> locked = new ConcurrentHashMap<>();

    public CandidateService(RegistryClient registry, LedgerAppender appender, CandidateRepository candidates,
            Pool pool) {
        this.registry = registry;
        this.appender = appender;
        this.candidates = candidates;
        this.pool = pool;
    }

    public Uni<DefineCandidatesResponse> define(DefineCandidatesRequest request) {
        String electionId = request.getElectionId();
        List<Candidate> list = request.getCandidatesList().stream()
                .map(d -> Candidate.newBuilder()
                        .setElectionId(electionId)
                        .setCandidateCode(d.getCandidateCode())
                        .setFullName(d.getFullName())
                        .setNominationType(d.getNominationType())
                        .setPartyName(d.getPartyName())
                        .setBallotOrder(d.getBallotOrder())
                        .build())
                .sorted(Comparator.comparingInt(Candidate::getBallotOrder))
                .toList();
        DefineCandidatesResponse answer = DefineCandidatesResponse.newBuilder().addAllCandidates(list).build();
        return appender.orStoredAnswer(request.getRequestId(), request, DefineCandidatesResponse.parser(),
                () -> registry.election(electionId)
                        .invoke(facts -> {
                            if (facts.phase().candidatesLocked()) {
                                throw new FailedPreconditionException("the polls of election " + electionId
                                        + " have opened: its candidate list is locked", ErrorReason.CANDIDATES_LOCKED);
                            }
                        })
                        .chain(facts -> appender.appendAlone(electionId, request.getRequestId(), request,
                                DefineCandidatesResponse.parser(),
                                Mutation.of(slot -> Outcome.of(tx -> List.of(candidates.replace(tx, electionId, list)),
                                        LedgerRecord.newBuilder()
                                                .setKind(LedgerEntryKind.LEDGER_ENTRY_KIND_CANDIDATES_DEFINED)
                                                .setCandidatesDefined(CandidatesDefined.newBuilder()
                                                        .addAllCandidates(list)), answer)))));
    }

    /** The election's candidates by ballot order (empty when none are defined). */
    public Uni<List<Candidate>> list(String electionId) {
        List<Candidate> cached = locked.get(electionId);
        return cached != null ? Uni.createFrom().item(cached) : candidates.list(pool, electionId);
    }

    /**
     * The election, which must take protocols, and its candidates, which must be defined; the
     * list is locked from now on and cached.
     */
    public Uni<CountingContext> forCounting(String electionId) {
        return registry.election(electionId)
                .invoke(facts -> {
                    if (!facts.phase().acceptsProtocols()) {
                        throw new FailedPreconditionException("the polls of election " + electionId
                                + " have not opened: no protocol is taken yet", ErrorReason.POLLS_NOT_OPEN);
                    }
                })
                .chain(facts -> list(electionId)
                        .invoke(list -> {
                            if (list.isEmpty()) {
                                throw new FailedPreconditionException("election " + electionId
                                        + " has no candidates defined", ErrorReason.NO_CANDIDATES);
                            }
                            locked.put(electionId, list);
                        })
                        .map(list -> new CountingContext(facts, list)));
    }
}
