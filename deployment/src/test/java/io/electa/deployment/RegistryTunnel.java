package io.electa.deployment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTPS proxy on a free loopback port that tunnels {@code CONNECT host:443} for the given
 * registry hosts, and only those, to the {@link LocalRegistry}; anything else is refused (403).
 * Jib honours the JDK's proxy properties ({@code https.proxyHost}/{@code https.proxyPort}), so a
 * build given them pulls and pushes the very image names it is configured with, on this machine.
 */
final class RegistryTunnel implements AutoCloseable {
    private final ServerSocket server;
    private final Set<String> allowed;
    private final int registryPort;
    private final Set<String> tunnelled = ConcurrentHashMap.newKeySet();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    private RegistryTunnel(ServerSocket server, Set<String> allowed, int registryPort) {
        this.server = server;
        this.allowed = allowed;
        this.registryPort = registryPort;
    }

    static RegistryTunnel open(List<String> hosts, int registryPort) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        RegistryTunnel tunnel = new RegistryTunnel(server, Set.copyOf(hosts), registryPort);
        Thread acceptor = new Thread(tunnel::accept, "registry-tunnel");
        acceptor.setDaemon(true);
        acceptor.start();
        return tunnel;
    }

    int port() {
        return server.getLocalPort();
    }

    /** The host:port targets tunnelled to the registry so far. */
    Set<String> tunnelled() {
        return Set.copyOf(tunnelled);
    }

    /** The targets asked for and refused. */
    Set<String> refused() {
        return Set.copyOf(refused);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                daemon(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String request = readHead(in);
            String[] line = request.split("\r\n", 2)[0].split(" ");
            String target = line.length == 3 && line[0].equals("CONNECT") ? line[1] : null;
            String host = target == null ? null : target.substring(0, target.lastIndexOf(':'));
            if (target == null || !target.endsWith(":443") || !allowed.contains(host)) {
                refused.add(target == null ? request.split("\r\n", 2)[0] : target);
                out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            tunnelled.add(target);
            try (Socket registry = new Socket(InetAddress.getLoopbackAddress(), registryPort)) {
                out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                daemon(() -> pump(in, registry));
                // Until the registry is done; closing both sockets then ends the other direction.
                pump(registry.getInputStream(), client);
            }
        } catch (IOException e) {
            // The client or the registry closed the connection.
        }
    }

    private static void pump(InputStream from, Socket to) {
        try {
            from.transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // Closed on the other side.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                break;
            }
            if (n > 8192) {
                throw new IOException("request head too long");
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static Thread daemon(Runnable body) {
        Thread t = new Thread(body, "registry-tunnel-connection");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
