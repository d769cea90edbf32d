package io.electa.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.electa.client.auth.Grant;
import io.electa.client.auth.LocalTokenKeys;
import io.electa.common.v1.Access;
import io.electa.common.v1.AccessProto;
import io.electa.common.v1.Role;
import io.electa.common.v1.Target;
import io.electa.observer.v1.FileReportRequest;
import io.electa.observer.v1.GetAccreditationRequest;
import io.electa.observer.v1.GetBadgeCredentialRequest;
import io.electa.observer.v1.ListAssignmentsRequest;
import io.electa.observer.v1.ListReportsRequest;
import io.electa.registry.v1.ListMarkConflictsRequest;
import io.electa.registry.v1.MarkVotedRequest;
import io.electa.registry.v1.PollBookHeader;
import io.electa.registry.v1.StreamStationRollRequest;
import io.electa.registry.v1.SyncPollBookRequest;
import io.electa.tally.v1.CandidateVotes;
import io.electa.tally.v1.ProtocolFigures;
import io.electa.tally.v1.SubmitProtocolRequest;
import io.electa.testing.TestTokens;
import io.grpc.CallCredentials;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Who may call what, against the packaged services, generated from the contract's access options
 * (access.proto): every RPC × no token and every role (allowed, or refused naming the roles),
 * every scoped target out of scope, and tokens that must not verify.
 */
class AccessTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final String ACCREDITATION = "6f1c2d9e-0000-4000-8000-000000000001";
    private static final String OTHER_ACCREDITATION = "6f1c2d9e-0000-4000-8000-000000000002";
    private static final Timestamp NOW = Timestamp.newBuilder().setSeconds(System.currentTimeMillis() / 1000).build();
    /**
     * A valid request per RPC whose access option names a station, district or accreditation,
     * acting on station S1, district D1 or {@link #ACCREDITATION}.
     */
    private static final Map<String, Message> SCOPED_REQUESTS = Map.of(
            "MarkVoted", MarkVotedRequest.newBuilder().setElectionId("scope-test").setNationalId("1234567890")
                    .setStationCode("S1").setRequestId("scope-1").build(),
            "SyncPollBook", SyncPollBookRequest.newBuilder().setHeader(PollBookHeader.newBuilder()
                    .setElectionId("scope-test").setStationCode("S1")).build(),
            "StreamStationRoll", StreamStationRollRequest.newBuilder().setElectionId("scope-test")
                    .setStationCode("S1").build(),
            "ListMarkConflicts", ListMarkConflictsRequest.newBuilder().setElectionId("scope-test")
                    .setDistrictCode("D1").build(),
            "SubmitProtocol", SubmitProtocolRequest.newBuilder().setElectionId("scope-test").setStationCode("S1")
                    .setFigures(ProtocolFigures.newBuilder().setVotersRegistered(10).setBallotsReceived(10)
                            .setBallotsIssuedOnDay(1).setBallotsCancelled(9).setBallotsFoundStationary(1)
                            .setBallotsValid(1).addCandidateVotes(CandidateVotes.newBuilder().setCandidateCode("A")
                                    .setVotes(1)))
                    .setRequestId("scope-2").build(),
            "GetAccreditation", GetAccreditationRequest.newBuilder().setAccreditationId(ACCREDITATION).build(),
            "GetBadgeCredential", GetBadgeCredentialRequest.newBuilder().setAccreditationId(ACCREDITATION).build(),
            "FileReport", FileReportRequest.newBuilder().setAccreditationId(ACCREDITATION).setStationCode("S1")
                    .setArrivalTime(NOW).setRequestId("scope-3").build(),
            "ListAssignments", ListAssignmentsRequest.newBuilder().setElectionId("scope-test")
                    .setAccreditationId(ACCREDITATION).setDistrictCode("D1").setStationCode("S1").build(),
            "ListReports", ListReportsRequest.newBuilder().setElectionId("scope-test")
                    .setAccreditationId(ACCREDITATION).setDistrictCode("D1").build());

    @Test
    void everyRpcDeclaresWhoMayCallIt() {
        for (Contracts.Service service : Contracts.SERVICES) {
            for (MethodDescriptor method : service.methods()) {
                assertThat(method.getOptions().hasExtension(AccessProto.access))
                        .as(method.getFullName() + " declares its access (deny by default)").isTrue();
                Access access = accessOf(method);
                assertThat(access.getPublic() || access.getRolesCount() > 0).as(method.getFullName()).isTrue();
                if (Contracts.isMutation(method)) {
                    assertThat(access.getRolesList()).as("the auditor changes nothing: " + method.getFullName())
                            .doesNotContain(Role.AUDITOR);
                    assertThat(access.getPublic()).as("no anonymous mutation: " + method.getFullName()).isFalse();
                }
                for (Role scoped : List.of(Role.STATION_CLERK, Role.DISTRICT_COMMISSION, Role.OBSERVER)) {
                    if (access.getRolesList().contains(scoped)) {
                        assertThat(access.getTargetsList()).as(scoped + " on " + method.getFullName()
                                + " needs a target of its kind").anyMatch(t -> covers(scoped, t.getKind()));
                    }
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRoleIsAdmittedExactlyWhereTheContractSays() {
        Suite suite = Suite.get();
        return Contracts.SERVICES.stream().flatMap(service -> service.methods().stream().map(method ->
                DynamicTest.dynamicTest(method.getFullName(), () -> {
                    Access access = accessOf(method);
                    RawCall.Answer anonymous = call(suite, service, method, TestTokens.none());
                    if (access.getPublic()) {
                        assertThat(anonymous.status().getCode()).as("public " + method.getName() + " without a token")
                                .isNotIn(Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED);
                    } else {
                        assertThat(anonymous.status().getCode()).as(method.getName() + " without a token")
                                .isEqualTo(Status.Code.UNAUTHENTICATED);
                        assertThat(reasons(anonymous)).containsExactly("TOKEN_MISSING");
                    }
                    for (Role role : roles()) {
                        RawCall.Answer answer = call(suite, service, method, TestTokens.as(outOfScope(role)));
                        if (access.getPublic() || access.getRolesList().contains(role)) {
                            assertThat(answer.status().getCode()).as(role + " may call " + method.getName())
                                    .isNotEqualTo(Status.Code.UNAUTHENTICATED);
                            assertThat(reasons(answer)).as(role + " may call " + method.getName())
                                    .doesNotContain("ROLE_MISSING", "ACCESS_UNDECLARED");
                        } else {
                            assertThat(answer.status().getCode()).as(role + " may not call " + method.getName())
                                    .isEqualTo(Status.Code.PERMISSION_DENIED);
                            assertThat(reasons(answer)).containsExactly("ROLE_MISSING");
                            assertThat(answer.status().getDescription()).contains(access.getRoles(0).name());
                        }
                    }
                })));
    }

    @TestFactory
    Stream<DynamicTest> scopedRolesActOnlyOnTheirOwnTarget() {
        Suite suite = Suite.get();
        List<DynamicTest> tests = new ArrayList<>();
        for (Contracts.Service service : Contracts.SERVICES) {
            for (MethodDescriptor method : service.methods()) {
                Access access = accessOf(method);
                boolean byField = access.getTargetsList().stream()
                        .anyMatch(t -> t.getKind() != Target.Kind.PROTOCOL);
                if (!byField) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(method.getFullName(), () -> {
                    Message request = SCOPED_REQUESTS.get(method.getName());
                    assertThat(request).as("a scoped request for " + method.getName() + " in this test").isNotNull();
                    for (Role role : access.getRolesList()) {
                        if (!EnumSet.of(Role.STATION_CLERK, Role.DISTRICT_COMMISSION, Role.OBSERVER).contains(role)) {
                            continue;
                        }
                        RawCall.Answer outside = call(suite, service, method, List.of(request.toByteArray()),
                                TestTokens.as(outOfScope(role)));
                        assertThat(outside.status().getCode()).as(role + " elsewhere on " + method.getName())
                                .isEqualTo(Status.Code.PERMISSION_DENIED);
                        assertThat(reasons(outside)).containsExactly("OUT_OF_SCOPE");
                        RawCall.Answer own = call(suite, service, method, List.of(request.toByteArray()),
                                TestTokens.as(inScope(role)));
                        assertThat(own.status().getCode()).as(role + " on its own " + method.getName())
                                .isNotIn(Status.Code.PERMISSION_DENIED, Status.Code.UNAUTHENTICATED);
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void tokensThatDoNotVerifyAreRefused() throws Exception {
        Suite suite = Suite.get();
        Grant admin = Grant.of(Role.COMMISSION_ADMIN);
        Path elsewhere = Files.createTempDirectory("foreign-keys");
        Map<String, String> tokens = Map.of(
                "expired", TestTokens.token("late", admin, Duration.ofMinutes(-10)),
                "signed by another key", LocalTokenKeys.in(elsewhere).signer(TestTokens.ISSUER)
                        .issue("forger", admin, Duration.ofHours(1)),
                "from another issuer", LocalTokenKeys.in(TestTokens.FOLDER).signer("someone-else")
                        .issue("stranger", admin, Duration.ofHours(1)),
                "unsigned (alg none)", unsigned("{\"sub\":\"nobody\",\"iss\":\"" + TestTokens.ISSUER
                        + "\",\"groups\":[\"COMMISSION_ADMIN\"],\"iat\":" + NOW.getSeconds() + ",\"exp\":"
                        + (NOW.getSeconds() + 3600) + "}"),
                "not a JWT", "not-a-token");
        MethodDescriptor createElection = io.electa.registry.v1.RegistryServiceProto.getDescriptor()
                .findServiceByName("RegistryService").findMethodByName("CreateElection");
        MethodDescriptor getElection = createElection.getService().findMethodByName("GetElection");
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            for (MethodDescriptor method : List.of(createElection, getElection)) {
                RawCall.Answer answer = RawCall.call(suite.registryChannel, method, List.of(new byte[0]), DEADLINE,
                        TestTokens.bearer(token.getValue()));
                assertThat(answer.status().getCode()).as(token.getKey() + " token on " + method.getName())
                        .isEqualTo(Status.Code.UNAUTHENTICATED);
                assertThat(reasons(answer)).containsExactly("TOKEN_INVALID");
            }
        }
    }

    @Test
    void theReadmeSaysWhoMayCallWhatAsTheContractDoes() throws Exception {
        StringBuilder table = new StringBuilder("| RPC | who may call it |\n| --- | --- |\n");
        for (Contracts.Service service : Contracts.SERVICES) {
            for (MethodDescriptor method : service.methods()) {
                table.append("| `").append(service.descriptor().getName()).append('.').append(method.getName())
                        .append("` | ").append(whoMay(accessOf(method))).append(" |\n");
            }
        }
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        String begin = "<!-- access: generated from the contract's access options; AccessTest checks it -->\n";
        String end = "<!-- access: end -->";
        Path expected = Path.of("target", "access-table.md");
        Files.writeString(expected, begin + table + end + "\n");
        assertThat(text).as("README's access table, as the contract says (the expected text is in " + expected + ")")
                .contains(begin + table + end);
    }

    /** Who may call an RPC with {@code access}, in words. */
    private static String whoMay(Access access) {
        if (access.getPublic()) {
            return "anyone (no token)";
        }
        List<String> roles = new ArrayList<>();
        for (Role role : access.getRolesList()) {
            String scope = switch (role) {
                case STATION_CLERK -> " (own station)";
                case DISTRICT_COMMISSION -> " (own district)";
                case OBSERVER -> " (own accreditation)";
                case TALLY_SUPERVISOR -> access.getTargetsList().stream().anyMatch(t -> t.getKind()
                        == Target.Kind.DISTRICT || t.getKind() == Target.Kind.PROTOCOL) ? " (own district or all)" : "";
                default -> "";
            };
            roles.add(role.name() + scope);
        }
        return String.join(", ", roles);
    }

    private static String unsigned(String claims) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static boolean covers(Role role, Target.Kind kind) {
        return switch (role) {
            case STATION_CLERK -> kind == Target.Kind.STATION || kind == Target.Kind.PROTOCOL;
            case DISTRICT_COMMISSION -> kind == Target.Kind.DISTRICT || kind == Target.Kind.PROTOCOL;
            case OBSERVER -> kind == Target.Kind.ACCREDITATION;
            default -> true;
        };
    }

    /** Every role, each scoped (where it has a scope) to a station, district and accreditation elsewhere. */
    private static List<Role> roles() {
        return Stream.of(Role.values()).filter(r -> r != Role.ROLE_UNSPECIFIED && r != Role.UNRECOGNIZED).toList();
    }

    private static Grant outOfScope(Role role) {
        return new Grant(Set.of(role), "S-ELSEWHERE", "D-ELSEWHERE", OTHER_ACCREDITATION);
    }

    private static Grant inScope(Role role) {
        return new Grant(Set.of(role), "S1", "D1", ACCREDITATION);
    }

    private static Access accessOf(MethodDescriptor method) {
        return method.getOptions().getExtension(AccessProto.access);
    }

    private static RawCall.Answer call(Suite suite, Contracts.Service service, MethodDescriptor method,
            CallCredentials credentials) {
        return call(suite, service, method, List.of(new byte[0]), credentials);
    }

    private static RawCall.Answer call(Suite suite, Contracts.Service service, MethodDescriptor method,
            List<byte[]> messages, CallCredentials credentials) {
        RawCall.Answer answer = RawCall.call(service.channel().apply(suite), method, messages, DEADLINE, credentials);
        assertThat(answer.hung()).as(method.getName() + " answers").isFalse();
        return answer;
    }

    private static List<String> reasons(RawCall.Answer answer) {
        return answer.errorInfos().stream().map(com.google.rpc.ErrorInfo::getReason).toList();
    }
}
