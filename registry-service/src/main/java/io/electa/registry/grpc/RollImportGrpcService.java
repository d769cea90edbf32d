package io.electa.registry.grpc;

import com.google.protobuf.Parser;
import io.electa.registry.importing.ImportReport;
import io.electa.registry.importing.ImportedStation;
import io.electa.registry.importing.ImportedVoter;
import io.electa.registry.importing.RollImports;
import io.electa.registry.v1.ImportHeader;
import io.electa.registry.v1.ImportStationsRequest;
import io.electa.registry.v1.ImportStationsResponse;
import io.electa.registry.v1.ImportVotersRequest;
import io.electa.registry.v1.ImportVotersResponse;
import io.electa.registry.v1.RollImportServiceGrpc;
import io.electa.registry.v1.StationRow;
import io.electa.registry.v1.VoterRow;
import io.electa.support.idempotency.StreamClaim;
import io.electa.support.access.TokenVerifier;
import io.electa.support.inbound.InboundGuard;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Streaming imports. Written against grpc-java's StreamObserver rather than Mutiny because the
 * Mutiny bridge requests client messages without bound (quarkusio/quarkus#9329): with explicit
 * flow control a 6.5 M-row import runs in a small, fixed heap.
 */
@GrpcService
public class RollImportGrpcService extends RollImportServiceGrpc.RollImportServiceImplBase {
    private final RollImports imports;
    private final Pool pool;
    private final Duration idleLimit;
    private final TokenVerifier tokens;

    public RollImportGrpcService(RollImports imports, Pool pool,
            @ConfigProperty(name = "electa.import.idle-limit") Duration idleLimit, TokenVerifier tokens) {
        this.tokens = tokens;
        this.imports = imports;
        this.pool = pool;
        this.idleLimit = idleLimit;
    }

    @Override
    public ServerServiceDefinition bindService() {
        return InboundGuard.guard(super.bindService(), tokens);
    }

    @Override
    public StreamObserver<ImportVotersRequest> importVoters(StreamObserver<ImportVotersResponse> response) {
        return new ImportCall<>(response, new VoterProtocol(), imports.voters(), this::claim, imports.parallelism());
    }

    @Override
    public StreamObserver<ImportStationsRequest> importStations(StreamObserver<ImportStationsResponse> response) {
        return new ImportCall<>(response, new StationProtocol(), imports.stations(), this::claim,
                imports.parallelism());
    }

    private Uni<StreamClaim> claim(String method, ImportHeader header) {
        return StreamClaim.open(pool, header.getRequestId(), method, idleLimit);
    }

    private static final class VoterProtocol
            implements ImportCall.Protocol<ImportVotersRequest, ImportedVoter, ImportVotersResponse> {
        @Override
        public String method() {
            return RollImportServiceGrpc.getImportVotersMethod().getFullMethodName();
        }

        @Override
        public ImportHeader header(ImportVotersRequest request) {
            return request.hasHeader() ? request.getHeader() : null;
        }

        @Override
        public List<ImportedVoter> rows(ImportVotersRequest request) {
            return request.getVoters().getRowsList().stream().map(VoterProtocol::row).toList();
        }

        @Override
        public ImportVotersResponse answer(ImportReport report) {
            return ImportVotersResponse.newBuilder().setReport(ProtoMapper.report(report)).build();
        }

        @Override
        public Parser<ImportVotersResponse> parser() {
            return ImportVotersResponse.parser();
        }

        private static ImportedVoter row(VoterRow row) {
            return new ImportedVoter(row.getNationalId(), row.getFamilyName(), row.getGivenName(),
                    ProtoMapper.calendarDate(row.getDateOfBirth()), row.getStationCode());
        }
    }

    private static final class StationProtocol
            implements ImportCall.Protocol<ImportStationsRequest, ImportedStation, ImportStationsResponse> {
        @Override
        public String method() {
            return RollImportServiceGrpc.getImportStationsMethod().getFullMethodName();
        }

        @Override
        public ImportHeader header(ImportStationsRequest request) {
            return request.hasHeader() ? request.getHeader() : null;
        }

        @Override
        public List<ImportedStation> rows(ImportStationsRequest request) {
            return request.getStations().getRowsList().stream().map(StationProtocol::row).toList();
        }

        @Override
        public ImportStationsResponse answer(ImportReport report) {
            return ImportStationsResponse.newBuilder().setReport(ProtoMapper.report(report)).build();
        }

        @Override
        public Parser<ImportStationsResponse> parser() {
            return ImportStationsResponse.parser();
        }

        private static ImportedStation row(StationRow row) {
            return new ImportedStation(row.getStationCode(), row.getDistrictCode(), row.getName(), row.getAddress());
        }
    }
}
