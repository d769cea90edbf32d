package io.electa.registry;

import static org.assertj.core.api.Assertions.assertThat;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** gRPC health and reflection, HTTP health and metrics: all on the one port. */
@QuarkusTest
class OperationsTest extends RegistryTestSupport {

    @Test
    void grpcHealthReportsServing() {
        HealthCheckResponse health = HealthGrpc.newBlockingStub(channel())
                .check(HealthCheckRequest.newBuilder().build());

        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void reflectionListsTheRegistryServices() {
        CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> stream = ServerReflectionGrpc.newStub(channel())
                .serverReflectionInfo(observer(answer));
        stream.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        stream.onCompleted();

        List<String> services = await(answer).getListServicesResponse().getServiceList().stream()
                .map(ServiceResponse::getName).toList();

        assertThat(services).contains("electa.registry.v1.RegistryService", "electa.registry.v1.RollImportService");
    }

    @Test
    void httpHealthAndMetricsShareTheGrpcPort() throws Exception {
        assertThat(get("/q/health/ready")).contains("\"status\": \"UP\"");
        assertThat(get("/q/metrics")).contains("jvm_memory_used_bytes");
    }

    private static String get(String path) throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
