package io.electa.support.access;

import io.electa.common.v1.Access;
import io.electa.common.v1.ErrorReason;
import io.electa.common.v1.Peer;
import io.electa.support.domain.PermissionDeniedException;
import io.electa.support.domain.UnauthenticatedException;
import io.grpc.Attributes;
import io.grpc.Grpc;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Map;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The transport's part of an access decision, where mutual TLS is configured: the call must come
 * with a client certificate the TLS layer verified against the commission's authority, and a
 * certificate whose common name names an Electa service may call only the RPCs whose access
 * option lists that service (electa.common.v1.Access.services: the call graph). On a plaintext
 * connection there is nothing to check: TLS is not configured (where it is, the server accepts
 * no plaintext connection).
 */
final class CallGraph {
    private static final String PREFIX = "PEER_";
    private static final String SESSION_KEY = "electa.peer";
    private CallGraph() {
    }

    /** The calling service, or null for another (or no) certificate; fails as described above. */
    static Peer admit(Access access, String method, Attributes transport) {
        SSLSession tls = transport == null ? null : transport.get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
        if (tls == null) {
            return null;
        }
        Peer peer = peerOf(tls, method);
        if (peer != null && (access == null || !access.getServicesList().contains(peer))) {
            String service = peer.name().substring(PREFIX.length()).toLowerCase(Locale.ROOT);
            throw new PermissionDeniedException(method + " is not among the RPCs the " + service + " service calls",
                    ErrorReason.NOT_IN_CALL_GRAPH, Map.of("peer", service));
        }
        return peer;
    }

    /**
     * The session's peer service, worked out once per TLS session (kept in it) rather than on
     * every call of the connection.
     */
    private static Peer peerOf(SSLSession tls, String method) {
        Object known = tls.getValue(SESSION_KEY);
        if (known instanceof Peer peer) {
            return peer == Peer.PEER_UNSPECIFIED ? null : peer;
        }
        Peer peer = peerOf(commonName(tls, method));
        tls.putValue(SESSION_KEY, peer == null ? Peer.PEER_UNSPECIFIED : peer);
        return peer;
    }

    private static String commonName(SSLSession tls, String method) {
        try {
            Certificate[] chain = tls.getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate certificate) {
                for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                    if (rdn.getType().equalsIgnoreCase("CN")) {
                        return rdn.getValue().toString();
                    }
                }
            }
            return "";
        } catch (SSLPeerUnverifiedException | InvalidNameException e) {
            throw new UnauthenticatedException(method + " needs a client certificate of the commission's authority"
                    + " (mutual TLS)", ErrorReason.CLIENT_CERTIFICATE_MISSING);
        }
    }

    private static Peer peerOf(String commonName) {
        for (Peer peer : Peer.values()) {
            if (peer != Peer.PEER_UNSPECIFIED && peer != Peer.UNRECOGNIZED
                    && peer.name().equalsIgnoreCase(PREFIX + commonName)) {
                return peer;
            }
        }
        return null;
    }
}
