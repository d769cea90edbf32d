package io.electa.tally.service;

import com.google.protobuf.ByteString;
import io.electa.support.grpc.Timestamps;
import io.electa.tally.client.RegistryClient;
import io.electa.tally.domain.ControlRelations;
import io.electa.tally.domain.ElectionFacts;
import io.electa.tally.domain.StationDirectory;
import io.electa.tally.export.CsvResults;
import io.electa.tally.export.ExportCandidate;
import io.electa.tally.export.ExportData;
import io.electa.tally.export.ExportDistrict;
import io.electa.tally.export.ExportElection;
import io.electa.tally.export.ExportStation;
import io.electa.tally.export.NistResultsJson;
import io.electa.tally.repository.CountedRepository;
import io.electa.tally.v1.Candidate;
import io.electa.tally.v1.ExportFormat;
import io.electa.tally.v1.ExportHeader;
import io.electa.tally.v1.ExportResultsResponse;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.ProtocolFigures;
import io.electa.tally.v1.ResultsStatus;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Exports of the counted results as files: NIST SP 1500-100 v2 JSON and CSV, streamed in chunks. */
@ApplicationScoped
public class ExportService {
    static final int CHUNK = 1 << 20;

    private final RegistryClient registry;
    private final CandidateService candidates;
    private final CountedRepository counted;
    private final Pool pool;

    public ExportService(RegistryClient registry, CandidateService candidates, CountedRepository counted, Pool pool) {
        this.registry = registry;
        this.candidates = candidates;
        this.counted = counted;
        this.pool = pool;
    }

    public Multi<ExportResultsResponse> export(String electionId, ExportFormat format) {
        return registry.election(electionId)
                .chain(election -> registry.directory(election)
                        .chain(directory -> candidates.list(electionId)
                                .chain(list -> counted.counted(pool, electionId)
                                        .map(snapshot -> data(election, directory, list, snapshot)))))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(data -> file(electionId, format, data))
                .onItem().transformToMulti(parts -> Multi.createFrom().iterable(parts));
    }

    /** The file's parts; encoding thousands of stations is CPU work, done on a worker thread. */
    private static List<ExportResultsResponse> file(String electionId, ExportFormat format, ExportData data) {
        boolean json = format == ExportFormat.EXPORT_FORMAT_NIST_SP_1500_100_V2_JSON;
        byte[] content = json ? NistResultsJson.write(data) : CsvResults.write(data);
        ExportHeader header = ExportHeader.newBuilder()
                .setFormat(format)
                .setContentType(json ? "application/json" : "text/csv; charset=utf-8")
                .setFileName(electionId + "-results-" + data.election().ledgerSequence() + (json ? ".json" : ".csv"))
                .setResultsStatus(statusOf(data.election().status()))
                .setLedgerSequence(data.election().ledgerSequence())
                .setAsOfTime(Timestamps.toProto(data.election().asOf()))
                .build();
        List<ExportResultsResponse> parts = new ArrayList<>();
        parts.add(ExportResultsResponse.newBuilder().setHeader(header).build());
        for (int offset = 0; offset < content.length; offset += CHUNK) {
            parts.add(ExportResultsResponse.newBuilder()
                    .setChunk(ByteString.copyFrom(content, offset, Math.min(CHUNK, content.length - offset)))
                    .build());
        }
        return parts;
    }

    private static ExportData data(ElectionFacts election, StationDirectory directory, List<Candidate> candidates,
            CountedRepository.Counted snapshot) {
        Map<String, List<ExportStation>> byDistrict = snapshot.protocols().stream()
                .sorted(Comparator.comparing(Protocol::getStationCode))
                .map(ExportService::station)
                .collect(Collectors.groupingBy(ExportStation::districtCode));
        List<ExportDistrict> districts = directory.districts().stream()
                .map(code -> new ExportDistrict(code, directory.districtName(code),
                        byDistrict.getOrDefault(code, List.of())))
                .toList();
        String status = snapshot.certified() ? "certified"
                : snapshot.protocols().size() + snapshot.excluded() >= directory.stationCount(null)
                        ? "unofficial-complete" : "unofficial-partial";
        return new ExportData(new ExportElection(election.electionId(), election.name(), election.electionDay(),
                status, Instant.now(), snapshot.ledgerSequence()),
                candidates.stream().map(c -> new ExportCandidate(c.getCandidateCode(), c.getFullName(),
                        c.getPartyName(), c.getBallotOrder())).toList(),
                districts);
    }

    private static ExportStation station(Protocol p) {
        ProtocolFigures f = p.getFigures();
        return new ExportStation(p.getStationCode(), p.getDistrictCode(), p.getProtocolId(), p.getVersion(),
                f.getVotersRegistered(), ControlRelations.issued(f), ControlRelations.found(f), f.getBallotsValid(),
                f.getBallotsInvalid(), f.getCandidateVotesList().stream().mapToLong(v -> v.getVotes()).toArray());
    }

    private static ResultsStatus statusOf(String status) {
        switch (status) {
            case "certified":
                return ResultsStatus.RESULTS_STATUS_CERTIFIED;
            case "unofficial-complete":
                return ResultsStatus.RESULTS_STATUS_UNOFFICIAL_COMPLETE;
            default:
                return ResultsStatus.RESULTS_STATUS_UNOFFICIAL_PARTIAL;
        }
    }
}
