package dev.assetflow.uploader;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

/**
 * PUTs a range of a file to a presigned URL, with exactly the signed headers it came with, counting the
 * bytes as they leave (for progress). Answers S3's status and ETag; never throws for an HTTP status.
 */
public final class PartPut implements PartTransport {
    /** Headers java.net.http sets itself from the request; sending them by hand is refused. */
    private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public Result put(JsonNode signed, Path file, long offset, long length, LongConsumer sent) throws IOException, InterruptedException {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(signed.path("url").asText()))
                .timeout(Duration.ofSeconds(Math.max(60, length / (256 * 1024)))) // at least 256 KiB/s, or it is stuck
                .PUT(length == 0 ? HttpRequest.BodyPublishers.noBody() // an empty file is an upload too (it ends FAILED, EMPTY_FILE)
                        : HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(() -> range(file, offset, length, sent)), length));
        signed.path("headers").fields().forEachRemaining(header -> {
            if (!SET_BY_CLIENT.contains(header.getKey().toLowerCase())) {
                put.header(header.getKey(), header.getValue().asText());
            }
        });
        HttpRequest request = put.build();
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            response = exchange.get();
        } catch (InterruptedException e) {
            // the part's bytes may be on the wire and S3 may still store it: let the exchange end first, so that a
            // stopped upload returns only once S3 holds all it will from this run and a resumed run starts from the truth
            awaitEnd(exchange, request.timeout().orElse(Duration.ofMinutes(1)));
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        String body = response.body() == null ? "" : response.body();
        return new Result(response.statusCode(), response.headers().firstValue("ETag").orElse(null),
                body.substring(0, Math.min(300, body.length())));
    }

    private static void awaitEnd(CompletableFuture<?> exchange, Duration timeout) {
        try {
            exchange.get(timeout.toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // it ended (or will be dropped with the client): either way it is no longer ours to wait for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InputStream range(Path file, long offset, long length, LongConsumer sent) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(offset);
            return new FilterInputStream(Channels.newInputStream(channel)) {
                private long left = length;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(buffer, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                        sent.accept(n);
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
