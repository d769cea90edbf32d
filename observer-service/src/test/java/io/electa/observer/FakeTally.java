package io.electa.observer;

import io.electa.tally.v1.GetProtocolRequest;
import io.electa.tally.v1.GetProtocolResponse;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.MutinyTallyServiceGrpc;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fake TallyService served by the application under test (the tally client points at the
 * test port): it knows the protocols tests register, answers NOT_FOUND for others, and
 * UNAVAILABLE for the ids tests mark so. The citing logic is the observer's own; the real
 * tally is another module's concern.
 */
@GrpcService
public class FakeTally extends MutinyTallyServiceGrpc.TallyServiceImplBase {
    private static final Map<String, Protocol> PROTOCOLS = new ConcurrentHashMap<>();
    private static final Set<String> UNAVAILABLE = ConcurrentHashMap.newKeySet();

    static void register(String protocolId, String electionId, String stationCode) {
        PROTOCOLS.put(protocolId, Protocol.newBuilder().setProtocolId(protocolId).setElectionId(electionId)
                .setStationCode(stationCode).setVersion(1).build());
    }

    static void failWithUnavailable(String protocolId) {
        UNAVAILABLE.add(protocolId);
    }

    @Override
    public Uni<GetProtocolResponse> getProtocol(GetProtocolRequest request) {
        if (UNAVAILABLE.contains(request.getProtocolId())) {
            return Uni.createFrom().failure(Status.UNAVAILABLE.withDescription("tally overloaded").asRuntimeException());
        }
        Protocol protocol = PROTOCOLS.get(request.getProtocolId());
        if (protocol == null || !protocol.getElectionId().equals(request.getElectionId())) {
            return Uni.createFrom().failure(Status.NOT_FOUND
                    .withDescription("protocol " + request.getProtocolId() + " not found").asRuntimeException());
        }
        return Uni.createFrom().item(GetProtocolResponse.newBuilder().setCurrent(protocol).addVersions(protocol).build());
    }
}
