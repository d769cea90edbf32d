package io.electa.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.electa.common.v1.FieldViolationReason;
import io.grpc.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every RPC of every service, called as a hostile client would (HostileRequests: oversized,
 * invalid UTF-8, out-of-range numbers and times, unknown enums, forged page tokens, too many
 * items), over real connections to the packaged services. The only answers allowed are OK and
 * the codes the RPC documents, with documented reasons; never INTERNAL, UNKNOWN or a hang; never
 * an echo of the refused value; the connection still works afterwards; and nothing is written.
 */
class HostileInputTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Set<String> FIELD_REASONS = Arrays.stream(FieldViolationReason.values())
            .filter(r -> r != FieldViolationReason.UNRECOGNIZED
                    && r != FieldViolationReason.FIELD_VIOLATION_REASON_UNSPECIFIED)
            .map(Enum::name)
            .collect(Collectors.toSet());

    @TestFactory
    Stream<DynamicContainer> everyRpcAnswersHostileInputAsDocumented() {
        Suite suite = Suite.get();
        return Contracts.SERVICES.stream().map(service -> DynamicContainer.dynamicContainer(
                service.descriptor().getFullName(), service.methods().stream().map(method -> DynamicTest.dynamicTest(
                        method.getName(), () -> attack(service, method, service.channel().apply(suite))))));
    }

    private static void attack(Contracts.Service service, MethodDescriptor method, Channel channel) {
        String database = databaseOf(service);
        Map<String, String> before = DatabaseFingerprint.of(database);
        for (HostileRequests.Variant variant : HostileRequests.of(method.getInputType())) {
            for (List<byte[]> messages : messagesFor(method, variant)) {
                RawCall.Answer answer = RawCall.call(channel, method, messages, DEADLINE);
                check(service, method, variant, answer);
            }
        }
        assertThat(serving(channel)).as("the connection still serves after " + method.getName()).isTrue();
        assertThat(DatabaseFingerprint.of(database)).as("nothing written by hostile " + method.getName())
                .isEqualTo(before);
    }

    /** A unary or server-streaming call sends the variant; a client stream sends it first and after a header. */
    private static List<List<byte[]>> messagesFor(MethodDescriptor method, HostileRequests.Variant variant) {
        List<List<byte[]>> calls = new ArrayList<>();
        calls.add(List.of(variant.bytes()));
        if (method.isClientStreaming()) {
            calls.add(List.of(headerMessage(method), variant.bytes()));
        }
        return calls;
    }

    /**
     * A well-formed header naming an election that does not exist, as the first message of a
     * client stream (an import, a poll book): whatever its header type, its election_id is
     * "no-such-election" and its other strings are well-formed.
     */
    private static byte[] headerMessage(MethodDescriptor method) {
        var field = method.getInputType().findFieldByName("header");
        var header = DynamicMessage.newBuilder(field.getMessageType());
        for (var headerField : field.getMessageType().getFields()) {
            switch (headerField.getName()) {
                case "election_id" -> header.setField(headerField, "no-such-election");
                case "request_id" -> header.setField(headerField, "hostile-" + method.getName());
                case "station_code" -> header.setField(headerField, "S1");
                default -> throw new IllegalStateException("a header field the test does not know: " + headerField);
            }
        }
        var out = new java.io.ByteArrayOutputStream();
        try {
            var coded = com.google.protobuf.CodedOutputStream.newInstance(out);
            coded.writeMessage(field.getNumber(), header.build());
            coded.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void check(Contracts.Service service, MethodDescriptor method, HostileRequests.Variant variant,
            RawCall.Answer answer) {
        String what = method.getFullName() + " with " + variant.name() + ": " + answer.status();
        assertThat(answer.hung()).as(what + " hung").isFalse();
        assertThat(Contracts.documentedCodes(method)).as(what + " is not a documented answer")
                .contains(answer.status().getCode());
        String description = answer.status().getDescription() == null ? "" : answer.status().getDescription();
        assertThat(description.length()).as(what + ": description length").isLessThanOrEqualTo(1000);
        assertThat(description).as(what + ": echoes the refused value").doesNotContain("ZZZZZZZZZZ");
        Set<String> reasons = Set.copyOf(Contracts.errorsOf(method).getReasonsList());
        for (ErrorInfo info : answer.errorInfos()) {
            assertThat(reasons).as(what + ": undocumented reason").contains(info.getReason());
        }
        for (BadRequest.FieldViolation violation : answer.fieldViolations()) {
            assertThat(FIELD_REASONS).as(what + ": field violation reason").contains(violation.getReason());
            assertThat(violation.getDescription()).as(what + ": echoes the refused value").doesNotContain("ZZZZZZZZZZ");
        }
    }

    private static boolean serving(Channel channel) {
        HealthCheckResponse health = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance());
        return health.getStatus() == HealthCheckResponse.ServingStatus.SERVING;
    }

    private static String databaseOf(Contracts.Service service) {
        String pkg = service.descriptor().getFile().getPackage();
        return pkg.contains("registry") ? Suite.REGISTRY_DB : pkg.contains("tally") ? Suite.TALLY_DB : Suite.OBSERVER_DB;
    }
}
