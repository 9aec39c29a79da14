package dev.assetflow.localstack.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/** The host's loopback HTTP servers (the HTTP API, the Lambda Runtime API, stand-ins): creating one, answering an exchange. */
public final class Exchanges {

    private Exchanges() {
    }

    /**
     * A server on the loopback address with TCP_NODELAY on its connections: the JDK's server writes a
     * response's headers and body separately, and with Nagle's algorithm on, the body may wait for the
     * client's delayed ACK of the headers. (Measured with one client on an idle machine, a warm upload-api
     * call through the HTTP API took about 3 ms either way; the flag is there for the worst case, not a
     * measured gain.) The property is read once, when the JDK first builds a server.
     */
    public static HttpServer loopbackServer(int port, int backlog) {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    public static void write(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
