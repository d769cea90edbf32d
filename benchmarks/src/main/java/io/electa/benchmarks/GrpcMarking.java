package io.electa.benchmarks;

import io.electa.registry.v1.MarkVotedRequest;
import io.electa.registry.v1.RegistryServiceGrpc.RegistryServiceBlockingStub;
import io.electa.registry.v1.RegistryServiceGrpc;
import io.electa.scenario.SyntheticVoter;
import io.electa.scenario.VoterGenerator;
import io.grpc.ManagedChannel;
import java.util.concurrent.TimeUnit;

/**
 * Marking clients of the registry: each has its own channel (connection) and marks its voters at
 * their own station with blocking {@code MarkVoted} calls.
 */
final class GrpcMarking implements ClosedLoopLoad.Client {
    private final ManagedChannel channel;
    private final RegistryServiceBlockingStub registry;
    private final String electionId;
    private final VoterGenerator voters;

    private GrpcMarking(int port, String electionId, VoterGenerator voters) {
        this.channel = Channels.open(port);
        this.registry = RegistryServiceGrpc.newBlockingStub(channel);
        this.electionId = electionId;
        this.voters = voters;
    }

    static ClosedLoopLoad.ClientFactory clients(int port, String electionId, VoterGenerator voters) {
        return k -> new GrpcMarking(port, electionId, voters);
    }

    @Override
    public void call(long voterIndex) {
        SyntheticVoter voter = voters.voter(voterIndex);
        registry.withDeadlineAfter(30, TimeUnit.SECONDS).markVoted(MarkVotedRequest.newBuilder()
                .setElectionId(electionId)
                .setNationalId(voter.nationalId())
                .setStationCode(voter.stationCode())
                .setRequestId("mark-" + voterIndex)
                .build());
    }

    @Override
    public void close() {
        Channels.close(channel);
    }
}
