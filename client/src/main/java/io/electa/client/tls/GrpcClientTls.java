package io.electa.client.tls;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The Quarkus settings with which named gRPC clients call over mutual TLS: they present the
 * certificate of an identity folder (laid out as a Kubernetes TLS Secret: {@code tls.crt},
 * {@code tls.key}, {@code ca.crt}) and trust its authority. Shared by the services and the public
 * site, so that every Electa process configures its clients the same way.
 */
public final class GrpcClientTls {
    private GrpcClientTls() {
    }

    /** The settings of {@code clients} (names of quarkus.grpc.clients.*) presenting {@code identity}. */
    public static Map<String, String> properties(Path identity, Collection<String> clients) {
        Map<String, String> properties = new HashMap<>();
        for (String client : clients) {
            String prefix = "quarkus.grpc.clients." + client + ".";
            properties.put(prefix + "ssl.trust-store", identity.resolve(LocalCertificates.CA).toString());
            properties.put(prefix + "ssl.certificate", identity.resolve(LocalCertificates.CERT).toString());
            properties.put(prefix + "ssl.key", identity.resolve(LocalCertificates.KEY).toString());
            properties.put(prefix + "plain-text", "false");
        }
        return properties;
    }
}
