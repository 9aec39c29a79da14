package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.json.Json;
import dev.assetflow.fixtures.SampleMedia;
import dev.assetflow.localstack.client.AssetflowClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /assets} on the shared stack: assets listed newest first from the by-state index, a page at a time with
 * a cursor, filtered by state, kind and key prefix within a time range; bad parameters answered 400 with every
 * problem. Other tests' assets share the stack, so every look is bounded to this test's window and ids.
 */
@ExtendWith(LocalStackExtension.class)
class StatusApiIT {
    @TempDir
    Path dir;

    @Test
    void assetsAreListedNewestFirstAPageAtATimeAndByTheirFilters(LocalStackExtension.Fixture fx) throws Exception {
        LocalStack stack = fx.stack();
        AssetflowClient api = new AssetflowClient(stack.apiEndpoint());
        Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> images = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            images.add(Uploads.upload(api, "listed-" + i + ".png", "image/png", TestMedia.SAMPLES.picture(dir.resolve("l" + i + ".png"), 64, 48 + i)));
        }
        String text = Uploads.upload(api, "notes.txt", "application/octet-stream", SampleMedia.text(dir.resolve("notes.txt"), "not media\n"));
        List<String> ours = new ArrayList<>(images);
        ours.add(text);
        ours.forEach(id -> Uploads.settled(api, id));
        String window = "since=" + since + "&until=" + Instant.now().plusSeconds(1);

        List<JsonNode> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = get(stack, "/assets?" + window + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.path("assets").size()).isLessThanOrEqualTo(2);
            page.path("assets").forEach(listed::add);
            cursor = page.hasNonNull("cursor") ? page.path("cursor").asText() : null; // absent on the last page
            pages++;
        } while (cursor != null && pages < 20);
        List<String> ids = listed.stream().map(a -> a.path("assetId").asText()).toList();
        assertThat(ids).as("each asset once across the pages").doesNotHaveDuplicates().containsAll(ours);
        assertThat(pages).as("two at a time").isGreaterThanOrEqualTo(2);
        List<Instant> created = listed.stream().map(a -> Instant.parse(a.path("createdAt").asText())).toList();
        assertThat(created).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonNode first = listed.stream().filter(a -> a.path("assetId").asText().equals(images.get(0))).findFirst().orElseThrow();
        assertThat(first.path("state").asText()).isEqualTo("READY");
        assertThat(first.path("kind").asText()).isEqualTo("image");
        assertThat(first.path("priority").asText()).isEqualTo("critical");
        assertThat(first.path("engine").asText()).isEqualTo("ffmpeg");

        assertThat(idsOf(get(stack, "/assets?" + window + "&state=QUARANTINED"))).as("by state").contains(text)
                .doesNotContainAnyElementsOf(images);
        assertThat(idsOf(get(stack, "/assets?" + window + "&kind=image"))).as("by kind").containsAll(images).doesNotContain(text);
        String key = api.asset(images.get(1)).body().at("/original/key").asText();
        assertThat(idsOf(get(stack, "/assets?" + window + "&prefix=" + URLEncoder.encode(key, StandardCharsets.UTF_8))))
                .as("by key prefix").containsExactly(images.get(1));
        assertThat(idsOf(get(stack, "/assets?until=" + since + "&since=" + since.minusSeconds(1) + "&kind=image")))
                .as("by time range").doesNotContainAnyElementsOf(ours);

        HttpResponse<String> bad = WorkQueues.getFrom(stack, "/assets?state=done&limit=0");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("state 'done'", "limit '0'");
    }

    private static JsonNode get(LocalStack stack, String pathAndQuery) throws Exception {
        HttpResponse<String> response = WorkQueues.getFrom(stack, pathAndQuery);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    private static List<String> idsOf(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("assets").forEach(a -> ids.add(a.path("assetId").asText()));
        return ids;
    }
}
