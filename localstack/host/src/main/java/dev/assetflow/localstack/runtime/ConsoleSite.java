package dev.assetflow.localstack.runtime;

import com.sun.net.httpserver.HttpExchange;
import dev.assetflow.topology.DeployableArtifacts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * What the deployed stack's console distribution does besides the API (README, "The console"): {@code /} and the
 * console's files from {@code console/dist}, and {@code /renditions/…} from the renditions bucket, so the console's
 * previews and HLS player read renditions from its own origin, as behind CloudFront. GET and HEAD only; whatever
 * the API's routes do not match comes here.
 */
public final class ConsoleSite {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "png", "image/png");

    private final Optional<Path> dist;
    private final S3Client s3;
    private final String renditionsBucket;

    public ConsoleSite(Optional<Path> dist, S3Client s3, String renditionsBucket) {
        this.dist = dist;
        this.s3 = s3;
        this.renditionsBucket = renditionsBucket;
    }

    /** @return whether the request was one for the site (answered), or for the API's 404 */
    public boolean serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        if (path.startsWith("/renditions/")) {
            rendition(exchange, path.substring(1));
            return true;
        }
        String file = path.equals("/") ? "index.html" : path.substring(1);
        if (file.contains("..") || file.contains("/")) {
            return false;
        }
        if (dist.isEmpty()) {
            if (!file.equals("index.html")) {
                return false;
            }
            write(exchange, 503, "text/plain; charset=utf-8", ("the console is not built: " + DeployableArtifacts.BUILD_CONSOLE + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return true;
        }
        Path target = dist.get().resolve(file);
        if (!Files.isRegularFile(target)) {
            return false;
        }
        String extension = file.substring(file.lastIndexOf('.') + 1);
        write(exchange, 200, TYPES.getOrDefault(extension, "application/octet-stream"), Files.readAllBytes(target));
        return true;
    }

    private void rendition(HttpExchange exchange, String key) throws IOException {
        try (ResponseInputStream<GetObjectResponse> object = s3.getObject(b -> b.bucket(renditionsBucket).key(key));
             InputStream in = object) {
            String type = object.response().contentType() == null ? "application/octet-stream" : object.response().contentType();
            write(exchange, 200, type, in.readAllBytes());
        } catch (NoSuchKeyException e) {
            write(exchange, 404, "text/plain", "no such rendition\n".getBytes(StandardCharsets.UTF_8));
        } catch (SdkException e) {
            write(exchange, 502, "text/plain", ("the renditions bucket did not answer: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void write(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        Exchanges.write(exchange, status, Map.of("Content-Type", type, "Cache-Control", "no-cache"), body);
    }
}
