package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.localstack.client.EventTap;
import dev.assetflow.media.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.model.S3Object;

/** What the video tests check of an asset's renditions: the files as a player would fetch them, and their events. */
final class RenditionDownloads {

    private RenditionDownloads() {
    }

    /** Every object under {@code prefix} of a bucket, downloaded under {@code root} by its key relative to the prefix. */
    static Path downloadPrefix(LocalStack stack, String bucketLogical, String prefix, Path root) throws IOException {
        String bucket = stack.resources().bucketName(bucketLogical);
        Files.createDirectories(root);
        for (S3Object object : stack.clients().s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            Path target = root.resolve(object.key().substring(prefix.length()));
            Files.createDirectories(target.getParent());
            stack.clients().s3().getObject(b -> b.bucket(bucket).key(object.key()), target);
        }
        return root;
    }

    /** How many rendition.ready events each rendition of the asset got. */
    static Map<String, Long> renditionEvents(EventTap tap, String assetId) {
        return tap.eventsFor(assetId).stream().filter(e -> e.path("type").asText().equals("rendition.ready"))
                .collect(Collectors.groupingBy((JsonNode e) -> e.at("/rendition/name").asText(), TreeMap::new, Collectors.counting()));
    }

    /** {@code ffmpeg -i master.m3u8 -f null -}: every stream the master names decodes start to end without an error. */
    static void assertDecodesWhole(Path master) {
        ProcessRunner.Result result = new ProcessRunner().run(List.of(TestMedia.TOOLS.ffmpeg().toString(), "-nostdin", "-v", "error",
                "-protocol_whitelist", "file", "-i", master.toString(), "-map", "0", "-f", "null", "-"), master.getParent(),
                Duration.ofMinutes(5));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).as("decoding " + master + " reports no error").isBlank();
    }
}
