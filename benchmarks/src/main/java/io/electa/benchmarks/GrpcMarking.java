package io.electa.benchmarks;

import io.electa.registry.v1.MarkVotedRequest;
import io.electa.registry.v1.MarkVotedResponse;
import io.electa.registry.v1.RegistryServiceGrpc;
import io.electa.registry.v1.RegistryServiceGrpc.RegistryServiceStub;
import io.electa.scenario.SyntheticVoter;
import io.electa.scenario.VoterGenerator;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Marking clients of the registry: each has its own channel (connection) and marks its voters at
 * their own station with asynchronous {@code MarkVoted} calls, one in flight at a time, answered
 * on the channel's transport threads (no thread per client to wake on every answer).
 */
final class GrpcMarking implements ClosedLoopLoad.AsyncClient {
    private final ManagedChannel channel;
    private final RegistryServiceStub registry;
    private final String electionId;
    private final VoterGenerator voters;

    private GrpcMarking(int port, String electionId, VoterGenerator voters) {
        this.channel = Channels.open(port);
        this.registry = RegistryServiceGrpc.newStub(channel).withExecutor(Runnable::run);
        this.electionId = electionId;
        this.voters = voters;
    }

    static ClosedLoopLoad.ClientFactory<ClosedLoopLoad.AsyncClient> clients(int port, String electionId,
            VoterGenerator voters) {
        return k -> new GrpcMarking(port, electionId, voters);
    }

    @Override
    public void start(long voterIndex, Consumer<Throwable> done) {
        SyntheticVoter voter = voters.voter(voterIndex);
        registry.withDeadlineAfter(30, TimeUnit.SECONDS).markVoted(MarkVotedRequest.newBuilder()
                .setElectionId(electionId)
                .setNationalId(voter.nationalId())
                .setStationCode(voter.stationCode())
                .setRequestId("mark-" + voterIndex)
                .build(), new StreamObserver<MarkVotedResponse>() {
                    @Override
                    public void onNext(MarkVotedResponse answer) {
                    }

                    @Override
                    public void onError(Throwable error) {
                        done.accept(error);
                    }

                    @Override
                    public void onCompleted() {
                        done.accept(null);
                    }
                });
    }

    @Override
    public void close() {
        Channels.close(channel);
    }
}
