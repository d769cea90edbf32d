package io.electa.deployment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One kustomize overlay under k8s/overlays, rendered by {@code kubectl kustomize} and parsed:
 * Deployments, Services and ConfigMaps into fabric8's typed models, everything else (NetworkPolicies,
 * autoscalers, CloudNativePG, cert-manager and Gateway API resources) as generic trees.
 */
final class Overlay {
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    final String name;
    final List<JsonNode> documents;

    private Overlay(String name, List<JsonNode> documents) {
        this.name = name;
        this.documents = documents;
    }

    static Overlay render(String name) {
        Path dir = Repository.root().resolve("k8s/overlays").resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no overlay " + dir);
        }
        String yaml = kubectl("kustomize", dir.toString());
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var it = JSON.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("overlay " + name + " did not render to YAML", e);
        }
        return new Overlay(name, docs);
    }

    private static String kubectl(String... args) {
        List<String> command = new ArrayList<>();
        command.add("kubectl");
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new IllegalStateException("kubectl (with kustomize) is needed to render k8s/overlays and was"
                    + " not found on PATH: install it (.ci/run does: apt-get install kubectl, or the binary from"
                    + " https://kubernetes.io/docs/tasks/tools/)", e);
        }
        try {
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n"
                        + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<JsonNode> all(String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    List<GenericKubernetesResource> generic(String kind) {
        return all(kind).stream().map(d -> JSON.convertValue(d, GenericKubernetesResource.class)).toList();
    }

    Optional<JsonNode> one(String kind, String name) {
        return all(kind).stream().filter(d -> name.equals(d.at("/metadata/name").asText())).findFirst();
    }

    List<Deployment> deployments() {
        return all("Deployment").stream().map(d -> JSON.convertValue(d, Deployment.class)).toList();
    }

    Optional<Deployment> deployment(String name) {
        return deployments().stream().filter(d -> name.equals(d.getMetadata().getName())).findFirst();
    }

    List<Service> services() {
        return all("Service").stream().map(d -> JSON.convertValue(d, Service.class)).toList();
    }

    Optional<Service> service(String name) {
        return services().stream().filter(s -> name.equals(s.getMetadata().getName())).findFirst();
    }

    Optional<ConfigMap> configMap(String name) {
        return one("ConfigMap", name).map(d -> JSON.convertValue(d, ConfigMap.class));
    }

    @Override
    public String toString() {
        return name;
    }
}
