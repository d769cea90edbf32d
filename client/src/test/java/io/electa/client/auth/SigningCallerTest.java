package io.electa.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.registry.v1.ImportVotersRequest;
import io.electa.registry.v1.ImportVotersResponse;
import io.electa.registry.v1.MarkVotedRequest;
import io.electa.registry.v1.MarkVotedResponse;
import io.electa.registry.v1.RegistryServiceGrpc;
import io.electa.registry.v1.RollImportServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signing caller defers a call's start to its first message, and tells a flow-controlled
 * client it may send that message from a thread of its own. The client's listener must still get
 * one callback at a time, as gRPC promises, or a client that sends "the next message" on onReady
 * sends one twice. Here the transport (a stand-in that records what is sent) says ready as soon
 * as the call starts, on yet another thread, so both onReady calls race.
 */
class SigningCallerTest {
    private static final int MESSAGES = 200;

    @TempDir
    static Path keys;

    @RepeatedTest(20)
    void aFlowControlledStreamSendsEveryMessageExactlyOnce() throws Exception {
        Recording transport = new Recording();
        SigningCaller caller = new SigningCaller(LocalTokenKeys.in(keys).signer(LocalTokenKeys.LOCAL_ISSUER), "test");
        ClientCall<ImportVotersRequest, ImportVotersResponse> call = caller.interceptCall(
                RollImportServiceGrpc.getImportVotersMethod(), CallOptions.DEFAULT, transport);
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean inCallback = new AtomicBoolean();
        AtomicBoolean overlapped = new AtomicBoolean();
        CountDownLatch sentAll = new CountDownLatch(1);
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onReady() {
                if (!inCallback.compareAndSet(false, true)) {
                    overlapped.set(true);
                }
                try {
                    // Not thread-safe on purpose, like a client relying on gRPC's promise.
                    int n = next.get();
                    while (call.isReady() && n < MESSAGES) {
                        Thread.onSpinWait();
                        call.sendMessage(ImportVotersRequest.newBuilder().setHeader(
                                io.electa.registry.v1.ImportHeader.newBuilder().setRequestId("r" + n)).build());
                        n++;
                        next.set(n);
                    }
                    if (n == MESSAGES) {
                        sentAll.countDown();
                    }
                } finally {
                    inCallback.set(false);
                }
            }
        }, new Metadata());

        assertThat(sentAll.await(10, TimeUnit.SECONDS)).as("every message sent").isTrue();
        assertThat(overlapped).as("the listener got one callback at a time").isFalse();
        assertThat(transport.sent).as("each message once, in order").hasSize(MESSAGES)
                .extracting(m -> ((ImportVotersRequest) m).getHeader().getRequestId()).doesNotHaveDuplicates();
        assertThat(transport.authorization).as("the call started with a token").isNotNull();
    }

    @Test
    void aTokenSignedBeforehandIsTheOneTheCallCarries() {
        SigningCaller caller = new SigningCaller(LocalTokenKeys.in(keys).signer(LocalTokenKeys.LOCAL_ISSUER), "clerk");
        MarkVotedRequest mark = MarkVotedRequest.newBuilder().setElectionId("e").setNationalId("1234567890")
                .setStationCode("S00017").setRequestId("r").build();
        String prepared = caller.tokenFor(RegistryServiceGrpc.getMarkVotedMethod(), mark);
        String other = caller.tokenFor(RegistryServiceGrpc.getMarkVotedMethod(),
                mark.toBuilder().setStationCode("S00018").build());

        Recording transport = new Recording();
        ClientCall<MarkVotedRequest, MarkVotedResponse> call = caller.interceptCall(
                RegistryServiceGrpc.getMarkVotedMethod(), CallOptions.DEFAULT, transport);
        call.start(new ClientCall.Listener<>() { }, new Metadata());
        call.sendMessage(mark);

        assertThat(transport.authorization).isEqualTo(BearerToken.header(prepared));
        assertThat(transport.sent).containsExactly(mark);
        assertThat(other).as("another station's clerk has another token").isNotEqualTo(prepared);
    }

    /** A transport that is ready once started, says so from its own thread, and records what is sent. */
    private static final class Recording extends Channel {
        final List<Object> sent = new CopyOnWriteArrayList<>();
        volatile String authorization;

        @Override
        public <Q, A> ClientCall<Q, A> newCall(MethodDescriptor<Q, A> method, CallOptions options) {
            return new ClientCall<>() {
                @Override
                public void start(Listener<A> listener, Metadata headers) {
                    authorization = headers.get(BearerToken.AUTHORIZATION);
                    new Thread(listener::onReady).start();
                }

                @Override
                public void request(int count) {
                }

                @Override
                public void cancel(String message, Throwable cause) {
                }

                @Override
                public void halfClose() {
                }

                @Override
                public void sendMessage(Q message) {
                    sent.add(message);
                }

                @Override
                public boolean isReady() {
                    return true;
                }
            };
        }

        @Override
        public String authority() {
            return "recording";
        }
    }
}
