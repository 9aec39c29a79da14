package dev.assetflow.webhookdelivery;

import dev.assetflow.domain.webhook.DeliveryAttempt;
import dev.assetflow.domain.webhook.WebhookDelivery;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One POST to the endpoint with the JDK's HTTP client: redirects never followed, a short connect timeout and a read
 * timeout for the whole answer, so a slow endpoint costs one invocation at most this long. Before each POST the host is
 * resolved and every address it has must be public ({@link EndpointAddresses}) unless private ones are allowed. The
 * client resolves the name again to connect, so a name that changes its address in between (DNS rebinding) is not
 * caught here; a VPC without a route to private ranges is the complete defence (README, "Webhooks").
 */
final class HttpEndpoint implements WebhookDelivery.Endpoint {
    private static final int EXCERPT_BYTES = 300;
    private static final java.util.concurrent.Executor EXCERPT_READER = Executors.newVirtualThreadPerTaskExecutor();
    private final URI url;
    private final boolean allowPrivateAddresses;
    private final Duration readTimeout;
    private final HttpClient client;
    private final Supplier<Optional<String>> traceHeader;

    HttpEndpoint(URI url, boolean allowPrivateAddresses, Duration connectTimeout, Duration readTimeout,
            Supplier<Optional<String>> traceHeader) {
        this.url = url;
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.readTimeout = readTimeout;
        this.traceHeader = traceHeader;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * The first bytes of the answer, read within the read timeout: the request's timeout ends at the headers, and an
     * endpoint that trickles its body must not hold the invocation. Closing the stream drops the rest.
     */
    private String excerpt(InputStream body) {
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return body.readNBytes(EXCERPT_BYTES);
            } catch (IOException e) {
                return new byte[0];
            }
        }, EXCERPT_READER);
        try (body) {
            return new String(read.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8).strip();
        } catch (TimeoutException | ExecutionException | IOException e) {
            return "(no answer body within " + readTimeout.toSeconds() + " s)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    @Override
    public DeliveryAttempt post(String body, Map<String, String> headers) {
        if (!allowPrivateAddresses) {
            try {
                for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                    Optional<String> why = EndpointAddresses.notPublic(address);
                    if (why.isPresent()) {
                        return new DeliveryAttempt.NotAllowed(url.getHost() + " resolves to " + why.get()
                                + "; set allowPrivateAddresses on the webhook to allow it");
                    }
                }
            } catch (UnknownHostException e) {
                return new DeliveryAttempt.NoAnswer("the name " + url.getHost() + " does not resolve");
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(readTimeout)
                .header("User-Agent", "Assetflow-Webhooks/1").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        traceHeader.get().ifPresent(trace -> request.header("X-Amzn-Trace-Id", trace));
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new DeliveryAttempt.Answered(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                    excerpt(response.body()));
        } catch (HttpTimeoutException e) {
            return new DeliveryAttempt.NoAnswer("no answer within " + readTimeout.toSeconds() + " s (" + e.getMessage() + ")");
        } catch (IOException e) {
            return new DeliveryAttempt.NoAnswer(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryAttempt.NoAnswer("interrupted");
        }
    }
}
