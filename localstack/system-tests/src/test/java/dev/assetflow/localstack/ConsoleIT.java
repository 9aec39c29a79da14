package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.json.Json;
import dev.assetflow.localstack.client.AssetflowClient;
import dev.assetflow.uploader.UploadApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The operator console in a real browser (headless Chromium), served by the local stack at / and calling its API:
 * an upload through the console becomes READY in the list, its page shows the renditions (images loaded from
 * /renditions/…) and its history; the ops pages show queues, breakers and latency; a dead letter redriven from the
 * console leaves the list and its asset ends READY; a video's page plays its HLS ladder (hls.js over MSE). Each step saves a screenshot under target/console-screenshots/.
 */
@ExtendWith(LocalStackExtension.class)
class ConsoleIT {
    private static final Duration PAGE = Duration.ofSeconds(20);
    private static final Pattern UPLOADED = Pattern.compile("uploaded as ([0-9a-f-]{36})");

    @TempDir
    Path dir;

    @Test
    void anUploadThroughTheConsoleBecomesReadyAndItsPageShowsItsRenditionsAndHistory(LocalStackExtension.Fixture fx) throws Exception {
        Path picture = TestMedia.SAMPLES.picture(dir.resolve("console-cat.png"), 1600, 1000);
        String site = fx.stack().apiEndpoint().toString();
        try (Browser browser = Browser.start()) {
            browser.driver.get(site + "/#/assets");
            browser.waitUpTo(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=assets]")));
            browser.driver.findElement(By.cssSelector("[data-testid=upload-file]")).sendKeys(picture.toAbsolutePath().toString());
            WebElement progress = browser.driver.findElement(By.cssSelector("[data-testid=upload-progress]"));
            browser.waitUpTo(PAGE).until(d -> UPLOADED.matcher(progress.getText()).find());
            Matcher uploaded = UPLOADED.matcher(progress.getText());
            assertThat(uploaded.find()).isTrue();
            String assetId = uploaded.group(1);

            By readyRow = By.cssSelector("tr[data-asset='" + assetId + "'] [data-state=READY]");
            browser.waitUpTo(Uploads.SETTLE).until(ExpectedConditions.presenceOfElementLocated(readyRow));
            assertThat(browser.driver.findElement(By.cssSelector("tr[data-asset='" + assetId + "']")).getText()).contains("console-cat.png", "image");
            browser.screenshot("01-assets-list");

            browser.driver.findElement(By.cssSelector("tr[data-asset='" + assetId + "'] a")).click();
            browser.waitUpTo(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=renditions] img")));
            browser.waitUpTo(PAGE).until(d -> Boolean.TRUE.equals(browser.driver.executeScript(
                    "const i = document.querySelector('[data-testid=renditions] img'); return i.complete && i.naturalWidth > 0;")));
            List<WebElement> cards = browser.driver.findElements(By.cssSelector("[data-testid=renditions] [data-rendition]"));
            JsonNode asset = new AssetflowClient(fx.stack().apiEndpoint()).asset(assetId).body();
            assertThat(cards).as("a card per rendition the API lists").hasSize(asset.path("renditions").size()).isNotEmpty();
            assertThat(browser.driver.findElement(By.cssSelector("[data-testid=history]")).getText()).contains("CLASSIFIED", "QUEUED", "READY");
            assertThat(browser.driver.findElement(By.cssSelector("[data-testid=delete]")).isEnabled()).as("a READY asset may be erased").isTrue();
            browser.screenshot("02-asset-page");

            browser.driver.get(site + "/#/latency");
            By total = By.cssSelector("[data-testid=latency] tr[data-stage=TOTAL]");
            browser.waitUpTo(PAGE).until(ExpectedConditions.presenceOfElementLocated(total));
            assertThat(browser.driver.findElement(By.cssSelector("[data-testid=latency] svg.chart"))).isNotNull();
            browser.screenshot("03-latency");

            browser.driver.get(site + "/#/queues");
            browser.waitUpTo(PAGE).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("tr[data-queue='" + fx.stack().resources().queueName("image-critical") + "']")));
            browser.screenshot("04-queues");

            browser.driver.get(site + "/#/breakers");
            browser.waitUpTo(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-step=image-worker] [data-state]")));
            browser.screenshot("05-breakers");
        }
    }

    /**
     * A file above the API's multipart threshold (64 MiB on this stack) goes up from the browser in parts: the upload's
     * record says COMPLETED with every part of the plan, and the recording becomes READY.
     */
    @Test
    void aFileAboveTheMultipartThresholdIsUploadedFromTheConsoleInParts(LocalStackExtension.Fixture fx) throws Exception {
        Path recording = TestMedia.SAMPLES.audio(dir.resolve("console-interview.wav"), 400); // 70.6 MB of 16-bit stereo
        assertThat(Files.size(recording)).as("above the 64 MiB threshold").isGreaterThan(64L << 20);
        AssetflowClient api = new AssetflowClient(fx.stack().apiEndpoint());
        try (Browser browser = Browser.start()) {
            browser.driver.get(fx.stack().apiEndpoint() + "/#/assets");
            browser.waitUpTo(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=assets]")));
            browser.driver.findElement(By.cssSelector("[data-testid=upload-file]")).sendKeys(recording.toAbsolutePath().toString());
            WebElement progress = browser.driver.findElement(By.cssSelector("[data-testid=upload-progress]"));
            browser.waitUpTo(Duration.ofSeconds(120)).until(d -> UPLOADED.matcher(progress.getText()).find()
                    || browser.driver.findElement(By.id("notice")).getText().contains("aborted"));
            Matcher uploaded = UPLOADED.matcher(progress.getText());
            assertThat(uploaded.find()).as("uploaded; the console said: %s", browser.driver.findElement(By.id("notice")).getText()).isTrue();
            String assetId = uploaded.group(1);
            JsonNode upload = new UploadApiClient(fx.stack().apiEndpoint()).multipartUpload(assetId).body();
            assertThat(upload.path("state").asText()).as("a multipart upload, completed: %s", upload).isEqualTo("COMPLETED");
            assertThat(upload.path("partCount").asInt()).as("parts of 8 MiB: %s", upload).isEqualTo(9);
            assertThat(upload.path("etag").asText()).as("S3's multipart ETag counts the parts").endsWith("-9\"");
            By readyRow = By.cssSelector("tr[data-asset='" + assetId + "'] [data-state=READY]");
            browser.waitUpTo(Uploads.SETTLE).until(ExpectedConditions.presenceOfElementLocated(readyRow));
            browser.screenshot("15-multipart-upload-ready");
            assertThat(api.asset(assetId).body().at("/original/sizeBytes").asLong()).isEqualTo(Files.size(recording));
        }
    }

    @Test
    void aVideosPagePlaysItsHlsLadderInTheBrowsersPlayer(LocalStackExtension.Fixture fx) throws Exception {
        AssetflowClient api = new AssetflowClient(fx.stack().apiEndpoint());
        String assetId = Uploads.upload(api, "console-clip.mp4", "video/mp4", TestMedia.SAMPLES.video(dir.resolve("clip.mp4"), 4, 640, 360, 1, 0));
        assertThat(Uploads.settled(api, assetId).path("state").asText()).isEqualTo("READY");
        try (Browser browser = Browser.start()) {
            browser.driver.get(fx.stack().apiEndpoint() + "/#/assets/" + assetId);
            browser.waitUpTo(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-rendition='hls/master'] video[data-testid=player]")));
            // hls.js fetches the master, a rung's playlist and its fMP4 segments from /renditions/… and feeds them to MSE
            browser.driver.executeScript("const v = document.querySelector('[data-testid=player]'); v.muted = true; v.play();");
            browser.waitUpTo(PAGE).until(d -> ((Number) browser.driver.executeScript(
                    "return document.querySelector('[data-testid=player]').currentTime;")).doubleValue() > 1.0);
            assertThat(browser.driver.executeScript("return document.querySelector('[data-testid=player]').videoWidth;"))
                    .as("decoded pictures of the top rung").isEqualTo(640L);
            assertThat(browser.driver.executeScript("return document.querySelector('[data-testid=player]').error;")).as("no media error").isNull();
            browser.screenshot("14-hls-player");
        }
    }

    @Test
    void aDeadLetterRedrivenFromTheConsoleLeavesTheListAndItsAssetEndsReady(LocalStackExtension.Fixture fx) throws Exception {
        String body = StagedWork.workMessageBody(fx, TestMedia.SAMPLES.picture(dir.resolve("dead-letter.png"), 640, 480),
                "image/png", "image/critical");
        String assetId = Json.mapper().readTree(body).path("assetId").asText();
        String dlq = fx.stack().resources().deadLetterQueueUrl("image-critical");
        String messageId = fx.stack().clients().sqs().sendMessage(b -> b.queueUrl(dlq).messageBody(body)).messageId();
        String site = fx.stack().apiEndpoint().toString();
        try (Browser browser = Browser.start()) {
            browser.driver.get(site + "/#/dead-letters");
            By letter = By.cssSelector("tr[data-message='" + messageId + "']");
            browser.waitUpTo(PAGE).until(ExpectedConditions.presenceOfElementLocated(letter));
            WebElement row = browser.driver.findElement(letter);
            assertThat(row.getText()).contains(assetId.substring(0, 8));
            browser.screenshot("06-dead-letters");

            row.findElement(By.cssSelector("button[data-testid=redrive-message]")).click();
            browser.waitUpTo(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "1 redriven"));
            browser.waitUpTo(PAGE).until(ExpectedConditions.invisibilityOfElementLocated(letter));
            browser.screenshot("07-dead-letter-redriven");
        }
        JsonNode settled = Uploads.settled(new AssetflowClient(fx.stack().apiEndpoint()), assetId);
        assertThat(settled.path("state").asText()).as("the redriven work made the asset").isEqualTo("READY");
        assertThat(settled.path("history").toString()).as("who redrove it, in the asset's history")
                .contains("dead letter " + messageId, "redriven to " + fx.stack().resources().queueName("image-critical"), "anonymous@");
    }
}
