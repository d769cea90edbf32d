package io.electa.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes NetworkPolicy semantics over rendered policies (matchLabels selectors; matchExpressions
 * are refused so that nothing is silently misread): a pod selected by no policy of a type is open in
 * that direction; once selected, only what some rule allows gets through, and a connection needs
 * both the sender's egress and the receiver's ingress.
 */
final class NetworkPolicies {
    /** A pod (or the gateway's proxies) as policies see it. */
    record Pod(String name, String namespace, Map<String, String> namespaceLabels, Map<String, String> labels) {
        static Pod in(String name, String namespace, Map<String, String> labels) {
            return new Pod(name, namespace, Map.of("kubernetes.io/metadata.name", namespace), labels);
        }
    }

    private final List<JsonNode> policies;

    NetworkPolicies(List<JsonNode> policies) {
        this.policies = policies;
    }

    boolean allows(Pod from, Pod to, int port) {
        return direction(from, to, port, "Egress", "egress", "to")
                && direction(to, from, port, "Ingress", "ingress", "from");
    }

    private boolean direction(Pod subject, Pod peer, int port, String type, String rulesField, String peersField) {
        boolean isolated = false;
        for (JsonNode policy : policies) {
            if (!selects(policy, subject) || !types(policy).contains(type)) {
                continue;
            }
            isolated = true;
            String namespace = policy.at("/metadata/namespace").asText();
            for (JsonNode rule : policy.at("/spec/" + rulesField)) {
                if (portMatches(rule.get("ports"), port) && peerMatches(rule.get(peersField), namespace, peer)) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    private static List<String> types(JsonNode policy) {
        JsonNode types = policy.at("/spec/policyTypes");
        if (!types.isArray() || types.isEmpty()) {
            throw new AssertionError("NetworkPolicy " + policy.at("/metadata/name").asText()
                    + " does not state its policyTypes");
        }
        return java.util.stream.StreamSupport.stream(types.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static boolean selects(JsonNode policy, Pod pod) {
        return policy.at("/metadata/namespace").asText().equals(pod.namespace())
                && matches(policy.at("/spec/podSelector"), pod.labels());
    }

    private static boolean portMatches(JsonNode ports, int port) {
        if (ports == null || ports.isNull() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            if (!p.has("port") || (p.get("port").isInt() && p.get("port").asInt() == port
                    && "TCP".equals(p.path("protocol").asText("TCP")))) {
                return true;
            }
        }
        return false;
    }

    private static boolean peerMatches(JsonNode peers, String policyNamespace, Pod pod) {
        if (peers == null || peers.isNull() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode peer : peers) {
            if (peer.has("ipBlock")) {
                continue; // addresses outside the pod network, never a pod of ours
            }
            boolean namespace = peer.has("namespaceSelector")
                    ? matches(peer.get("namespaceSelector"), pod.namespaceLabels())
                    : pod.namespace().equals(policyNamespace);
            boolean labels = !peer.has("podSelector") || matches(peer.get("podSelector"), pod.labels());
            if (namespace && labels) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(JsonNode selector, Map<String, String> labels) {
        if (selector.has("matchExpressions")) {
            throw new AssertionError("matchExpressions in a NetworkPolicy selector: not evaluated by this test");
        }
        Map<String, String> wanted = new HashMap<>();
        selector.path("matchLabels").fields().forEachRemaining(e -> wanted.put(e.getKey(), e.getValue().asText()));
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
