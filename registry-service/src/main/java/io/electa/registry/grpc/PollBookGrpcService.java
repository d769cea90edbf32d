package io.electa.registry.grpc;

import io.electa.registry.pollbook.PollBooks;
import io.electa.registry.repository.PollBookRepository.Conflict;
import io.electa.registry.v1.ListMarkConflictsRequest;
import io.electa.registry.v1.ListMarkConflictsResponse;
import io.electa.registry.v1.MarkConflict;
import io.electa.registry.v1.PollBookServiceGrpc;
import io.electa.registry.v1.SyncPollBookRequest;
import io.electa.registry.v1.SyncPollBookResponse;
import io.electa.support.domain.Violations;
import io.electa.support.grpc.GrpcErrors;
import io.electa.support.grpc.Pages;
import io.electa.support.grpc.Timestamps;
import io.electa.support.access.TokenVerifier;
import io.electa.support.inbound.InboundGuard;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import java.util.List;

/**
 * Poll books that sync. Written against grpc-java's StreamObserver, like the imports, for
 * explicit flow control of the upload.
 */
@GrpcService
public class PollBookGrpcService extends PollBookServiceGrpc.PollBookServiceImplBase {
    private final PollBooks pollBooks;
    private final TokenVerifier tokens;

    public PollBookGrpcService(PollBooks pollBooks, TokenVerifier tokens) {
        this.tokens = tokens;
        this.pollBooks = pollBooks;
    }

    @Override
    public ServerServiceDefinition bindService() {
        return InboundGuard.guard(super.bindService(), tokens);
    }

    @Override
    public StreamObserver<SyncPollBookRequest> syncPollBook(StreamObserver<SyncPollBookResponse> response) {
        return new PollBookCall(response, pollBooks);
    }

    @Override
    public void listMarkConflicts(ListMarkConflictsRequest request,
            StreamObserver<ListMarkConflictsResponse> response) {
        Violations violations = new Violations();
        List<String> after = Pages.afterKeys(request.getPageToken(), 3, violations);
        try {
            violations.throwIfAny();
        } catch (RuntimeException invalid) {
            response.onError(GrpcErrors.toStatus(invalid));
            return;
        }
        pollBooks.conflicts(request.getElectionId(), request.getDistrictCode(), request.getStationCode(), after,
                        Pages.size(request.getPageSize()))
                .map(page -> ListMarkConflictsResponse.newBuilder()
                        .addAllConflicts(page.items().stream().map(c -> conflict(request.getElectionId(), c)).toList())
                        .setNextPageToken(Pages.nextToken(page))
                        .build())
                .subscribe().with(answer -> {
                    response.onNext(answer);
                    response.onCompleted();
                }, failure -> response.onError(GrpcErrors.toStatus(failure)));
    }

    private static MarkConflict conflict(String electionId, Conflict c) {
        return MarkConflict.newBuilder().setElectionId(electionId).setNationalId(c.nationalId())
                .setStationCode(c.stationCode()).setDistrictCode(c.districtCode()).setDeviceId(c.deviceId())
                .setDeviceTime(Timestamps.toProto(c.deviceTime())).setRequestId(c.requestId())
                .setCountedStationCode(c.countedStationCode()).setRecordTime(Timestamps.toProto(c.recordTime()))
                .setMarkedBy(c.markedBy())
                .build();
    }
}
