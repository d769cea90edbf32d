package io.electa.observer.client;

import io.electa.support.client.Downstream;
import io.electa.tally.v1.GetProtocolRequest;
import io.electa.tally.v1.MutinyTallyServiceGrpc.MutinyTallyServiceStub;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The tally, as this service needs it: which station a protocol version belongs to. */
@ApplicationScoped
public class TallyClient {
    @GrpcClient("tally")
    MutinyTallyServiceStub stub;

    private final Downstream downstream;

    public TallyClient(@ConfigProperty(name = "electa.tally.deadline") Duration deadline) {
        this.downstream = new Downstream("tally", deadline);
    }

    /**
     * The station whose protocol has a version {@code protocolId} in the election; NOT_FOUND when
     * the tally knows no such version; UNAVAILABLE when it cannot answer.
     */
    public Uni<String> protocolStation(String electionId, UUID protocolId) {
        GetProtocolRequest request = GetProtocolRequest.newBuilder()
                .setElectionId(electionId).setProtocolId(protocolId.toString()).build();
        return CallerContext.resumeOn(() -> downstream.call(() -> stub
                        .withDeadlineAfter(downstream.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .getProtocol(request)))
                .map(response -> response.getCurrent().getStationCode());
    }
}
