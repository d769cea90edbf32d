package io.electa.tally.service;

import io.electa.tally.v1.ErrorReason;
import io.electa.support.domain.FailedPreconditionException;
import io.electa.support.grpc.Timestamps;
import io.electa.tally.client.RegistryClient;
import io.electa.tally.domain.ElectionPhase;
import io.electa.tally.domain.StationDirectory;
import io.electa.tally.domain.TotalsSnapshot;
import io.electa.tally.ledger.Change;
import io.electa.tally.ledger.LedgerAppender;
import io.electa.tally.ledger.LedgerSigner;
import io.electa.tally.ledger.Outcome;
import io.electa.tally.ledger.Slot;
import io.electa.tally.repository.CertificationRepository;
import io.electa.tally.repository.StationTallyRepository;
import io.electa.tally.repository.TotalsRepository;
import io.electa.tally.results.ResultsCalculator;
import io.electa.tally.v1.Candidate;
import io.electa.tally.v1.Certification;
import io.electa.tally.v1.CertifyResultsRequest;
import io.electa.tally.v1.CertifyResultsResponse;
import io.electa.tally.v1.LedgerEntryKind;
import io.electa.tally.v1.LedgerRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Certification: once every station has reported or been excluded, the national results are
 * certified in the ledger's last entry, and the election's tally never changes again. The answer
 * carries the signed head of that entry, which vouches for the certification record.
 */
@ApplicationScoped
public class CertificationService {
    private final RegistryClient registry;
    private final CandidateService candidates;
    private final LedgerAppender appender;
    private final StationTallyRepository stations;
    private final TotalsRepository totals;
    private final CertificationRepository certifications;
    private final LedgerSigner signer;

    public CertificationService(RegistryClient registry, CandidateService candidates, LedgerAppender appender,
            StationTallyRepository stations, TotalsRepository totals, CertificationRepository certifications,
            LedgerSigner signer) {
        this.registry = registry;
        this.candidates = candidates;
        this.appender = appender;
        this.stations = stations;
        this.totals = totals;
        this.certifications = certifications;
        this.signer = signer;
    }

    /** Certifies the results, by {@code by} (the caller's subject). */
    public Uni<CertifyResultsResponse> certify(CertifyResultsRequest request, String by) {
        String electionId = request.getElectionId();
        return appender.orStoredAnswer(request.getRequestId(), request, CertifyResultsResponse.parser(),
                () -> registry.election(electionId)
                        .invoke(facts -> {
                            if (facts.phase() != ElectionPhase.CLOSED) {
                                throw new FailedPreconditionException("the polls of election " + electionId
                                        + " are not closed", ErrorReason.POLLS_NOT_CLOSED);
                            }
                        })
                        .chain(registry::directory)
                        .chain(directory -> candidates.list(electionId)
                                .chain(list -> appender.appendAlone(electionId, request.getRequestId(), request,
                                        CertifyResultsResponse.parser(),
                                        tx -> decide(tx, electionId, request, directory, list, by)))));
    }

    private Uni<Change<CertifyResultsResponse>> decide(SqlConnection tx, String electionId,
            CertifyResultsRequest request, StationDirectory directory, List<Candidate> list, String by) {
        return Uni.combine().all().unis(stations.settled(tx, electionId), totals.snapshot(tx, electionId)).asTuple()
                .map(read -> {
                    long missing = directory.stationCount(null) - read.getItem1();
                    if (missing > 0) {
                        throw new FailedPreconditionException(missing + " stations of election " + electionId
                                + " have neither reported nor been excluded (see ListMissingStations)",
                                ErrorReason.STATIONS_MISSING, Map.of("missing_stations", Long.toString(missing)));
                    }
                    return Change.<CertifyResultsResponse>of(null,
                            slot -> certified(slot, request, directory, list, read.getItem2(), by));
                });
    }

    private Outcome<CertifyResultsResponse> certified(Slot slot, CertifyResultsRequest request,
            StationDirectory directory, List<Candidate> list, TotalsSnapshot snapshot, String by) {
        long head = slot.sequence() - 1;
        if (request.getExpectedLedgerSequence() != 0 && request.getExpectedLedgerSequence() != head) {
            throw new FailedPreconditionException("the results changed since ledger sequence "
                    + request.getExpectedLedgerSequence() + " (the head is " + head + "); review them again",
                    ErrorReason.RESULTS_CHANGED, Map.of("ledger_sequence", Long.toString(head)));
        }
        Certification certification = Certification.newBuilder()
                .setElectionId(slot.electionId())
                .setResults(ResultsCalculator.compute(slot.electionId(), null, directory, list,
                        new TotalsSnapshot(slot.sequence(), true, snapshot.districts()), slot.recordTime()))
                .setCertifiedBy(by)
                .setCertifyTime(Timestamps.toProto(slot.recordTime()))
                .build();
        return new Outcome<>(tx -> List.of(certifications.insert(tx, certification, slot.sequence())),
                LedgerRecord.newBuilder()
                        .setKind(LedgerEntryKind.LEDGER_ENTRY_KIND_RESULTS_CERTIFIED)
                        .setCertification(certification),
                newHead -> CertifyResultsResponse.newBuilder()
                        .setCertification(certification)
                        .setLedgerHead(signer.signed(newHead, true))
                        .build());
    }
}
