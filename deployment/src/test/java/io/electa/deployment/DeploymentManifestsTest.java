package io.electa.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.electa.deployment.NetworkPolicies.Pod;
import io.electa.deployment.Repository.Address;
import io.electa.deployment.Repository.ServiceModule;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders every overlay under k8s/overlays with {@code kubectl kustomize} and checks the manifests
 * against what the services themselves read (their application.properties): the variables, the
 * gRPC client addresses, the call graph the NetworkPolicies allow, the images the build makes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeploymentManifestsTest {
    private static final List<ServiceModule> SERVICES = Repository.services();
    private static final ServiceModule SITE = Repository.site();
    /** The services and the public site. */
    private static final List<ServiceModule> APPLICATIONS = Repository.applications();
    private static final Map<String, Overlay> RENDERED = new HashMap<>();

    private static Overlay overlay(String name) {
        return RENDERED.computeIfAbsent(name, Overlay::render);
    }

    private static Deployment deployment(Overlay overlay, ServiceModule service) {
        return overlay.deployment(service.name())
                .orElseThrow(() -> new AssertionError(overlay + ": no Deployment " + service.name()));
    }

    private static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as(deployment.getMetadata().getName() + " containers").hasSize(1);
        return containers.get(0);
    }

    @Test
    void everyOverlayRendersAndDeploysEveryService() {
        assertThat(SERVICES).extracting(ServiceModule::name)
                .containsExactlyInAnyOrder("observer-service", "registry-service", "tally-service");
        assertThat(SITE.name()).isEqualTo("public-site");
        for (String name : List.of("dev", "prod")) {
            Overlay overlay = overlay(name);
            for (ServiceModule service : APPLICATIONS) {
                Deployment deployment = deployment(overlay, service);
                assertThat(overlay.service(service.name())).as(overlay + " Service " + service.name()).isPresent();
                assertThat(overlay.configMap(service.name())).as(overlay + " ConfigMap " + service.name()).isPresent();
                assertThat(overlay.one("ServiceAccount", service.name())).as(overlay + " ServiceAccount").isPresent();
                assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo(service.name());
            }
            assertThat(overlay.all("Secret")).as(overlay + ": Secrets are referenced, never committed").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasAGrpcPortNamedGrpcWithAppProtocolGrpc(String name) {
        Overlay overlay = overlay(name);
        for (ServiceModule service : SERVICES) {
            Service svc = overlay.service(service.name()).orElseThrow();
            Container container = container(deployment(overlay, service));
            assertThat(svc.getSpec().getPorts()).as(overlay + " " + service.name() + " ports").singleElement()
                    .satisfies(p -> {
                        assertThat(p.getName()).isEqualTo("grpc");
                        assertThat(p.getAppProtocol()).isEqualTo("grpc");
                        assertThat(p.getTargetPort().getStrVal()).isEqualTo("grpc");
                    });
            assertThat(container.getPorts()).singleElement().satisfies(p -> assertThat(p.getName()).isEqualTo("grpc"));
            assertThat(svc.getSpec().getSelector())
                    .isEqualTo(deployment(overlay, service).getSpec().getSelector().getMatchLabels());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theSiteServesPlainHttpOnAPortNamedHttp(String name) {
        Overlay overlay = overlay(name);
        Service svc = overlay.service(SITE.name()).orElseThrow();
        assertThat(svc.getSpec().getPorts()).as(overlay + " public-site ports").singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getAppProtocol()).isEqualTo("http");
            assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
            assertThat(p.getPort()).isEqualTo(Integer.parseInt(environment(overlay, container(deployment(overlay, SITE)))
                    .get("ELECTA_PORT")));
        });
        assertThat(container(deployment(overlay, SITE)).getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getName()).isEqualTo("http"));
        assertThat(svc.getSpec().getSelector()).isEqualTo(deployment(overlay, SITE).getSpec().getSelector().getMatchLabels());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentHasProbesResourcesAndAHardenedSecurityContext(String name) {
        Overlay overlay = overlay(name);
        for (ServiceModule service : APPLICATIONS) {
            Deployment deployment = deployment(overlay, service);
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container c = container(deployment);
            String what = overlay + " " + service.name();
            // In prod a service's port is HTTPS only; the site always serves plain HTTP behind the Gateway.
            String scheme = name.equals("prod") && service.servesGrpc() ? "HTTPS" : "HTTP";

            assertProbe(what + " startup", c.getStartupProbe(), "/q/health/started", scheme, service.portName());
            assertProbe(what + " readiness", c.getReadinessProbe(), "/q/health/ready", scheme, service.portName());
            assertProbe(what + " liveness", c.getLivenessProbe(), "/q/health/live", scheme, service.portName());

            for (String resource : List.of("cpu", "memory")) {
                assertThat(c.getResources().getRequests()).as(what + " requests").containsKey(resource);
                assertThat(c.getResources().getLimits()).as(what + " limits").containsKey(resource);
            }

            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(what + " runAsNonRoot").isTrue();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(c.getSecurityContext().getRunAsNonRoot()).as(what + " container runAsNonRoot").isTrue();
            assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(what + " readOnlyRootFilesystem").isTrue();
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(what + " privilege escalation").isFalse();
            assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(what + " capabilities").containsExactly("ALL");
            assertThat(pod.getAutomountServiceAccountToken()).as(what + " service account token").isFalse();

            // preStop pause (endpoints drain) then the whole Quarkus shutdown, inside the grace period.
            long pause = preStopSeconds(overlay.one("Deployment", service.name()).orElseThrow());
            assertThat(pause).as(what + " preStop pause").isGreaterThanOrEqualTo(3);
            assertThat(pause + service.shutdownTimeoutSeconds()).as(what + " preStop + quarkus.shutdown.timeout")
                    .isLessThan(pod.getTerminationGracePeriodSeconds());
        }
    }

    private static void assertProbe(String what, Probe probe, String path, String scheme, String port) {
        assertThat(probe).as(what).isNotNull();
        assertThat(probe.getHttpGet()).as(what + " httpGet").isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what + " path").isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(what + " port").isEqualTo(port);
        assertThat(probe.getHttpGet().getScheme()).as(what + " scheme").isEqualTo(scheme);
    }

    /** Read from the tree: lifecycle.preStop.sleep (Kubernetes 1.30+) may be newer than the model. */
    private static long preStopSeconds(JsonNode deployment) {
        JsonNode seconds = deployment.at("/spec/template/spec/containers/0/lifecycle/preStop/sleep/seconds");
        assertThat(seconds.isIntegralNumber()).as(deployment.at("/metadata/name") + " lifecycle.preStop.sleep.seconds").isTrue();
        return seconds.asLong();
    }

    /** Where each variable a container gets comes from: "configmap", "secret" or "value". */
    private static Map<String, String> sources(Overlay overlay, Container c) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (EnvFromSource from : c.getEnvFrom()) {
            assertThat(from.getConfigMapRef()).as("envFrom " + from).isNotNull();
            ConfigMap map = overlay.configMap(from.getConfigMapRef().getName())
                    .orElseThrow(() -> new AssertionError("envFrom names a missing ConfigMap " + from.getConfigMapRef().getName()));
            map.getData().keySet().forEach(k -> sources.put(k, "configmap"));
        }
        for (EnvVar env : c.getEnv()) {
            if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                sources.put(env.getName(), "secret");
            } else if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                sources.put(env.getName(), "configmap");
            } else {
                sources.put(env.getName(), "value");
            }
        }
        return sources;
    }

    private static Map<String, String> environment(Overlay overlay, Container c) {
        Map<String, String> env = new HashMap<>();
        for (EnvFromSource from : c.getEnvFrom()) {
            env.putAll(overlay.configMap(from.getConfigMapRef().getName()).orElseThrow().getData());
        }
        return env;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyVariableTheServiceReadsComesFromItsConfigMapOrASecret(String name) {
        Overlay overlay = overlay(name);
        for (ServiceModule service : APPLICATIONS) {
            Map<String, String> sources = sources(overlay, container(deployment(overlay, service)));
            Set<String> read = new TreeSet<>(service.variablesReadInProd());
            if (name.equals("dev")) {
                read.remove(service.tlsVariable()); // dev runs without mutual TLS
            }
            Set<String> missing = new TreeSet<>(read);
            missing.removeAll(sources.keySet());
            assertThat(missing).as(overlay + ": variables " + service.name() + " reads that nothing provides").isEmpty();
            Set<String> unknown = new TreeSet<>(sources.keySet());
            unknown.removeAll(service.variablesReadInProd());
            assertThat(unknown).as(overlay + ": variables given to " + service.name() + " that it never reads").isEmpty();
            sources.forEach((variable, source) -> {
                assertThat(source).as(overlay + " " + service.name() + " " + variable).isNotEqualTo("value");
                if (variable.matches(".*(PASSWORD|SIGNING_KEY|DB_USER)")) {
                    assertThat(source).as(overlay + " " + service.name() + " " + variable + " is a secret").isEqualTo("secret");
                }
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyGrpcClientAddressNamesAServiceAndItsPort(String name) {
        Overlay overlay = overlay(name);
        for (ServiceModule service : APPLICATIONS) {
            Map<String, String> env = environment(overlay, container(deployment(overlay, service)));
            service.clients().forEach((client, address) -> {
                Service target = callee(overlay, env, address);
                String portValue = env.get(address.portVariable());
                assertThat(portValue).as(overlay + ": " + service.name() + "'s " + client + " client port "
                        + address.portVariable()).isNotBlank();
                int port = Integer.parseInt(portValue);
                assertThat(target.getSpec().getPorts()).extracting(ServicePort::getPort)
                        .as(overlay + ": " + service.name() + "'s " + client + " client port " + port).contains(port);
            });
        }
    }

    private static Service callee(Overlay overlay, Map<String, String> env, Address address) {
        String host = env.get(address.hostVariable());
        assertThat(host).as(address.hostVariable()).isNotBlank();
        return overlay.service(host).orElseThrow(() -> new AssertionError(overlay + ": " + address.hostVariable()
                + "=" + host + " names no Service"));
    }

    /** caller Deployment name -> callee Deployment names, from the gRPC clients each application configures. */
    private static Map<String, Set<String>> callGraph(Overlay overlay) {
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        for (ServiceModule service : APPLICATIONS) {
            Map<String, String> env = environment(overlay, container(deployment(overlay, service)));
            Set<String> callees = new TreeSet<>();
            for (Address address : service.clients().values()) {
                Service target = callee(overlay, env, address);
                overlay.deployments().stream()
                        .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                                .containsAll(target.getSpec().getSelector().entrySet()))
                        .forEach(d -> callees.add(d.getMetadata().getName()));
            }
            graph.put(service.name(), callees);
        }
        return graph;
    }

    @Test
    void prodNetworkPoliciesAllowExactlyTheCallGraph() {
        Overlay prod = overlay("prod");
        Map<String, Set<String>> graph = callGraph(prod);
        assertThat(graph).as("call graph derived from application.properties")
                .containsEntry("tally-service", Set.of("registry-service"))
                .containsEntry("observer-service", Set.of("registry-service", "tally-service"))
                .containsEntry("public-site", Set.of("registry-service", "tally-service", "observer-service"));

        NetworkPolicies policies = new NetworkPolicies(prod.all("NetworkPolicy"));
        assertThat(prod.all("NetworkPolicy")).as("a deny-all policy").anySatisfy(p -> {
            assertThat(p.at("/spec/podSelector").isEmpty()).isTrue();
            assertThat(p.at("/spec/ingress").isMissingNode()).isTrue();
            assertThat(p.at("/spec/egress").isMissingNode()).isTrue();
            assertThat(p.at("/spec/policyTypes").toString()).contains("Ingress").contains("Egress");
        });

        Map<String, Pod> pods = new LinkedHashMap<>();
        Map<String, Integer> ports = new HashMap<>();
        for (Deployment d : prod.deployments()) {
            pods.put(d.getMetadata().getName(), Pod.in(d.getMetadata().getName(), d.getMetadata().getNamespace(),
                    d.getSpec().getTemplate().getMetadata().getLabels()));
            ports.put(d.getMetadata().getName(), container(d).getPorts().get(0).getContainerPort());
        }
        String namespace = prod.deployments().get(0).getMetadata().getNamespace();
        Pod gateway = new Pod("gateway", "gateway-system",
                Map.of("kubernetes.io/metadata.name", "gateway-system", "electa.io/gateway", "true"), Map.of("app", "proxy"));
        Pod elsewhere = Pod.in("other", "other", Map.of("app", "other"));
        Pod sameNamespaceStranger = Pod.in("stranger", namespace, Map.of("app", "stranger"));
        Pod dns = new Pod("dns", "kube-system", Map.of("kubernetes.io/metadata.name", "kube-system"), Map.of("k8s-app", "kube-dns"));
        Pod database = Pod.in("electa-db-1", namespace, Map.of("cnpg.io/cluster", clusterName(prod)));

        for (String from : pods.keySet()) {
            for (String to : pods.keySet()) {
                if (!from.equals(to)) {
                    assertThat(policies.allows(pods.get(from), pods.get(to), ports.get(to)))
                            .as(from + " -> " + to).isEqualTo(graph.get(from).contains(to));
                }
            }
            Pod pod = pods.get(from);
            int port = ports.get(from);
            assertThat(policies.allows(gateway, pod, port)).as("gateway -> " + from).isTrue();
            assertThat(policies.allows(elsewhere, pod, port)).as("another namespace -> " + from).isFalse();
            assertThat(policies.allows(sameNamespaceStranger, pod, port)).as("a stranger pod -> " + from).isFalse();
            assertThat(policies.allows(pod, elsewhere, 443)).as(from + " -> anywhere").isFalse();
            assertThat(policies.allows(pod, dns, 53)).as(from + " -> DNS").isTrue();
            boolean hasDatabase = APPLICATIONS.stream().filter(a -> a.name().equals(from)).findFirst().orElseThrow()
                    .hasDatabase();
            assertThat(policies.allows(pod, database, 5432)).as(from + " -> its PostgreSQL").isEqualTo(hasDatabase);
            assertThat(policies.allows(pod, database, 8000)).as(from + " -> PostgreSQL's status port").isFalse();
        }
        assertThat(policies.allows(sameNamespaceStranger, database, 5432)).as("a stranger pod -> PostgreSQL").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void imagesArePinnedAndAreTheOnesTheBuildMakes(String name) {
        Overlay overlay = overlay(name);
        for (ServiceModule service : APPLICATIONS) {
            Container c = container(deployment(overlay, service));
            assertThat(c.getImage()).as(overlay + " " + service.name() + " image").isEqualTo(service.image())
                    .doesNotEndWith(":latest").matches(".+/.+:[^:/]+");
            assertThat(service.properties().getProperty("quarkus.container-image.build")).as("images on demand").isEqualTo("false");
        }
        String postgres = cluster(overlay).at("/spec/imageName").asText();
        assertThat(postgres).as("PostgreSQL image").matches(".+:[0-9][^:/]*").doesNotEndWith(":latest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theJvmSizesItsHeapFromTheContainerLimit(String name) {
        Overlay overlay = overlay(name);
        for (ServiceModule service : APPLICATIONS) {
            String args = service.properties().getProperty("quarkus.jib.jvm-additional-arguments", "");
            Matcher m = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(args);
            assertThat(m.find()).as(service.module() + " quarkus.jib.jvm-additional-arguments MaxRAMPercentage").isTrue();
            assertThat(Integer.parseInt(m.group(1))).as("heap share of the memory limit").isBetween(50, 75);
            assertThat(args).doesNotContain("-Xmx");
            Container c = container(deployment(overlay, service));
            assertThat(c.getEnv()).extracting(EnvVar::getName).doesNotContain("JAVA_TOOL_OPTIONS", "JAVA_OPTS");
            assertThat(c.getResources().getLimits().get("memory"))
                    .as(overlay + " " + service.name() + ": memory limit = request (the heap is sized from it)")
                    .isEqualTo(c.getResources().getRequests().get("memory"));
            if (name.equals("prod")) {
                // bin/electa and the start-up benchmark give the JVM this memory (-XX:MaxRAM, ServiceJvm).
                long limitMib = Quantity.getAmountInBytes(c.getResources().getLimits().get("memory"))
                        .longValueExact() / (1024 * 1024);
                assertThat(service.properties().getProperty("electa.jvm.memory-limit-mib"))
                        .as(service.module() + " electa.jvm.memory-limit-mib = the Deployment's memory limit")
                        .isEqualTo(Long.toString(limitMib));
            }
        }
    }

    private static JsonNode cluster(Overlay overlay) {
        List<JsonNode> clusters = overlay.all("Cluster").stream()
                .filter(c -> c.path("apiVersion").asText().startsWith("postgresql.cnpg.io/")).toList();
        assertThat(clusters).as(overlay + ": one CloudNativePG Cluster").hasSize(1);
        return clusters.get(0);
    }

    private static String clusterName(Overlay overlay) {
        return cluster(overlay).at("/metadata/name").asText();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void thePostgresClusterDeclaresADatabaseAndARolePerServiceWithItsSecret(String name) {
        Overlay overlay = overlay(name);
        JsonNode cluster = cluster(overlay);
        String clusterName = clusterName(overlay);
        // database -> owner, role -> Secret with its password
        Map<String, String> owners = new HashMap<>();
        Map<String, String> roleSecrets = new HashMap<>();
        JsonNode initdb = cluster.at("/spec/bootstrap/initdb");
        owners.put(initdb.path("database").asText(), initdb.path("owner").asText());
        roleSecrets.put(initdb.path("owner").asText(), initdb.at("/secret/name").asText());
        for (JsonNode role : cluster.at("/spec/managed/roles")) {
            assertThat(role.path("login").asBoolean()).as("role " + role.path("name") + " logs in").isTrue();
            roleSecrets.put(role.path("name").asText(), role.at("/passwordSecret/name").asText());
        }
        for (JsonNode database : overlay.all("Database")) {
            assertThat(database.at("/spec/cluster/name").asText()).isEqualTo(clusterName);
            owners.put(database.at("/spec/name").asText(), database.at("/spec/owner").asText());
        }
        for (ServiceModule service : SERVICES) {
            Container c = container(deployment(overlay, service));
            String db = environment(overlay, c).get("ELECTA_DB");
            assertThat(db).as(service.name() + " ELECTA_DB").matches("[a-z0-9-]+:\\d+/[a-z0-9_]+");
            String host = db.substring(0, db.indexOf(':'));
            String database = db.substring(db.indexOf('/') + 1);
            assertThat(host).as(service.name() + " database host: the cluster's read-write Service").isEqualTo(clusterName + "-rw");
            assertThat(owners).as(overlay + ": database " + database + " of " + service.name()).containsKey(database);
            String role = owners.get(database);
            assertThat(roleSecrets).as("role " + role).containsKey(role);
            String secret = roleSecrets.get(role);
            for (String variable : List.of("ELECTA_DB_USER", "ELECTA_DB_PASSWORD")) {
                assertThat(c.getEnv()).as(service.name() + " " + variable + " from the role's Secret " + secret)
                        .anySatisfy(e -> {
                            assertThat(e.getName()).isEqualTo(variable);
                            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo(secret);
                        });
            }
        }
        assertThat(new HashSet<>(owners.values())).as("one role per database").hasSize(owners.size());
        if (name.equals("prod")) {
            assertThat(cluster.at("/spec/instances").asInt()).as("prod PostgreSQL instances").isGreaterThanOrEqualTo(3);
            assertThat(cluster.at("/spec/postgresql/synchronous/number").asInt()).as("synchronous standbys").isGreaterThanOrEqualTo(1);
            assertThat(cluster.at("/spec/postgresql/synchronous/dataDurability").asText()).isEqualTo("required");
            assertThat(cluster.at("/spec/backup/barmanObjectStore/destinationPath").asText()).isNotBlank();
            assertThat(overlay.all("ScheduledBackup")).anySatisfy(b ->
                    assertThat(b.at("/spec/cluster/name").asText()).isEqualTo(clusterName));
        } else {
            assertThat(cluster.at("/spec/instances").asInt()).as("dev PostgreSQL instances").isEqualTo(1);
            assertThat(cluster.at("/spec/postgresql/synchronous").isMissingNode())
                    .as("no synchronous replication without a standby (writes would wait forever)").isTrue();
        }
    }

    @Test
    void prodScalesSpreadsAndSurvivesDisruptions() {
        Overlay prod = overlay("prod");
        for (ServiceModule service : APPLICATIONS) {
            Deployment d = deployment(prod, service);
            assertThat(d.getSpec().getReplicas()).as(service.name() + " replicas").isGreaterThanOrEqualTo(2);
            assertThat(prod.all("HorizontalPodAutoscaler")).as(service.name() + " autoscaler").anySatisfy(h -> {
                assertThat(h.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
                assertThat(h.at("/spec/scaleTargetRef/name").asText()).isEqualTo(service.name());
                assertThat(h.at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2);
            });
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(prod.all("PodDisruptionBudget")).as(service.name() + " disruption budget").anySatisfy(p -> {
                Map<String, String> selector = new HashMap<>();
                p.at("/spec/selector/matchLabels").fields().forEachRemaining(e -> selector.put(e.getKey(), e.getValue().asText()));
                assertThat(selector).isNotEmpty();
                assertThat(labels).containsAllEntriesOf(selector);
            });
            assertThat(d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
                    .as(service.name() + " spread across zones")
                    .anySatisfy(t -> assertThat(t.getTopologyKey()).isEqualTo("topology.kubernetes.io/zone"));
        }
    }

    @Test
    void prodMountsEachServicesCertManagerCertificateAsItsTlsDir() {
        Overlay prod = overlay("prod");
        for (ServiceModule service : SERVICES) {
            Deployment d = deployment(prod, service);
            Container c = container(d);
            String dir = environment(prod, c).get(io.electa.support.tls.MutualTlsConfigSource.ENV);
            var mount = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(dir)).findFirst()
                    .orElseThrow(() -> new AssertionError(service.name() + ": nothing mounted at ELECTA_TLS_DIR " + dir));
            String secret = d.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow().getSecret().getSecretName();
            JsonNode certificate = prod.all("Certificate").stream()
                    .filter(x -> x.at("/spec/secretName").asText().equals(secret)).findFirst()
                    .orElseThrow(() -> new AssertionError(service.name() + ": no Certificate makes Secret " + secret));
            assertThat(texts(certificate.at("/spec/dnsNames"))).as(secret + " names the Service its callers dial")
                    .contains(service.name());
            assertThat(texts(certificate.at("/spec/usages"))).contains("server auth", "client auth");
            String identity = service.name().replace("-service", "");
            assertThat(certificate.at("/spec/commonName").asText())
                    .as(secret + ": the common name is the service's identity in the contract's call graph")
                    .isEqualTo(identity);
            assertThat(io.electa.common.v1.Peer.valueOf("PEER_" + identity.toUpperCase(java.util.Locale.ROOT)))
                    .isNotNull();
            String issuer = certificate.at("/spec/issuerRef/name").asText();
            assertThat(prod.one("Issuer", issuer)).as("issuer " + issuer).isPresent();
        }
    }

    @Test
    void prodMountsTheSitesClientCertificateWhoseNameIsNoPeerOfTheCallGraph() {
        Overlay prod = overlay("prod");
        Deployment d = deployment(prod, SITE);
        Container c = container(d);
        String dir = environment(prod, c).get(SITE.tlsVariable());
        var mount = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(dir)).findFirst()
                .orElseThrow(() -> new AssertionError("public-site: nothing mounted at ELECTA_CLIENT_TLS " + dir));
        String secret = d.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow().getSecret().getSecretName();
        JsonNode certificate = prod.all("Certificate").stream()
                .filter(x -> x.at("/spec/secretName").asText().equals(secret)).findFirst()
                .orElseThrow(() -> new AssertionError("public-site: no Certificate makes Secret " + secret));
        assertThat(texts(certificate.at("/spec/usages"))).containsExactly("client auth");
        String commonName = certificate.at("/spec/commonName").asText();
        assertThat(commonName).isEqualTo("public-site");
        assertThat(java.util.Arrays.stream(io.electa.common.v1.Peer.values()).map(Enum::name))
                .as("the site is no peer of the call graph: the services judge it as a client without a token")
                .doesNotContain("PEER_" + commonName.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    @Test
    void prodRoutesTheSitesHostnameThroughAnHttpsListenerToTheSite() {
        Overlay prod = overlay("prod");
        JsonNode gateway = prod.all("Gateway").get(0);
        List<JsonNode> routes = prod.all("HTTPRoute");
        assertThat(routes).as("one HTTPRoute, to the public site").singleElement().satisfies(route -> {
            String section = route.at("/spec/parentRefs/0/sectionName").asText();
            assertThat(route.at("/spec/parentRefs/0/name").asText()).isEqualTo(gateway.at("/metadata/name").asText());
            JsonNode listener = StreamSupport.stream(gateway.at("/spec/listeners").spliterator(), false)
                    .filter(l -> l.path("name").asText().equals(section)).findFirst()
                    .orElseThrow(() -> new AssertionError("no listener " + section));
            assertThat(listener.path("protocol").asText()).isEqualTo("HTTPS");
            assertThat(listener.at("/tls/mode").asText()).isEqualTo("Terminate");
            assertThat(texts(route.at("/spec/hostnames"))).containsExactly(listener.path("hostname").asText());
            JsonNode backend = route.at("/spec/rules/0/backendRefs/0");
            assertThat(backend.path("name").asText()).isEqualTo(SITE.name());
            assertThat(prod.service(SITE.name()).orElseThrow().getSpec().getPorts()).extracting(ServicePort::getPort)
                    .contains(backend.path("port").asInt());
        });
    }

    @Test
    void prodRoutesBackOfficeGrpcThroughATlsGatewayToEveryService() {
        Overlay prod = overlay("prod");
        List<JsonNode> gateways = prod.all("Gateway");
        assertThat(gateways).hasSize(1);
        JsonNode listener = gateways.get(0).at("/spec/listeners/0");
        assertThat(listener.path("protocol").asText()).isEqualTo("HTTPS");
        assertThat(listener.at("/tls/mode").asText()).isEqualTo("Terminate");
        assertThat(listener.at("/tls/certificateRefs/0/name").asText()).isNotBlank();
        Set<String> routed = new TreeSet<>();
        for (JsonNode route : prod.all("GRPCRoute")) {
            assertThat(route.at("/spec/parentRefs/0/name").asText()).isEqualTo(gateways.get(0).at("/metadata/name").asText());
            for (JsonNode rule : route.at("/spec/rules")) {
                for (JsonNode backend : rule.path("backendRefs")) {
                    Service svc = prod.service(backend.path("name").asText()).orElseThrow(() ->
                            new AssertionError("GRPCRoute backend " + backend + " names no Service"));
                    assertThat(svc.getSpec().getPorts()).extracting(ServicePort::getPort).contains(backend.path("port").asInt());
                    routed.add(svc.getMetadata().getName());
                }
            }
        }
        assertThat(routed).containsExactlyInAnyOrderElementsOf(SERVICES.stream().map(ServiceModule::name).toList());
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
