package dev.assetflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.domain.json.Json;
import dev.assetflow.localstack.client.AssetflowClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console's configuration editor in a real browser, on a stack of its own (it publishes routing rules): the
 * serving rules load into the editor, an edit that lowers the version is refused as it is typed, a valid edit's dry
 * run names the uploaded image it would route differently, publishing makes it serving (the next version, without a
 * deploy, and the ops API says who published it), and a rollback from the history serves the old definitions again
 * as a newer version.
 */
class ConsoleConfigIT {
    private static final Duration PAGE = Duration.ofSeconds(20);
    private static LocalStack stack;
    @RegisterExtension
    static final OwnStack OWN = new OwnStack();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        stack = OWN.start(LocalStack.Options.defaults().withoutSchedules());
    }

    @Test
    void anEditIsCheckedAsItIsTypedDryRunPublishedAndRolledBackFromTheConsole() throws Exception {
        AssetflowClient api = new AssetflowClient(stack.apiEndpoint());
        String image = Uploads.upload(api, "config-cat.png", "image/png", TestMedia.SAMPLES.picture(dir.resolve("config-cat.png"), 800, 600));
        assertThat(Uploads.settled(api, image).at("/route/priority").asText()).isEqualTo("critical");

        try (Browser browser = Browser.start()) {
            browser.driver.get(stack.apiEndpoint() + "/#/config");
            By serving = By.cssSelector("[data-testid=config-verdict] [data-valid=serving]");
            browser.waitUpTo(PAGE).until(ExpectedConditions.presenceOfElementLocated(serving));
            assertThat(browser.driver.findElement(serving).getText()).contains("version 1", "rules v4");
            assertThat(browser.driver.findElement(By.cssSelector("[data-testid=config-editor]")).getDomProperty("value")).contains("\"version\": 4");
            By valid = By.cssSelector("[data-testid=config-verdict] [data-valid=true]");
            assertThat(browser.driver.findElements(By.cssSelector("[data-testid=config-history] tr"))).hasSize(1);

            type(browser, ConfigIT.RULES.replace("\"version\": 4", "\"version\": 3"));
            By invalid = By.cssSelector("[data-testid=config-verdict] [data-valid=false]");
            browser.waitUpTo(PAGE).until(ExpectedConditions.presenceOfElementLocated(invalid));
            assertThat(browser.driver.findElement(invalid).getText()).contains("version 3 must be greater than the serving version 4");
            assertThat(browser.driver.findElement(By.cssSelector("[data-testid=config-publish]")).isEnabled()).isFalse();
            browser.screenshot("10-config-refused-as-typed");

            type(browser, ConfigIT.IMAGES_TO_BULK);
            browser.waitUpTo(PAGE).until(ExpectedConditions.presenceOfElementLocated(valid));
            browser.driver.findElement(By.cssSelector("[data-testid=config-diff]")).click();
            By moved = By.cssSelector("[data-testid=config-effect] tr[data-asset='" + image + "']");
            browser.waitUpTo(PAGE).until(ExpectedConditions.presenceOfElementLocated(moved));
            assertThat(browser.driver.findElement(moved).getText()).contains("critical", "bulk");
            browser.screenshot("11-config-dry-run");

            browser.waitUpTo(PAGE).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=config-publish]"))).click();
            browser.waitUpTo(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "published: version 2"));
            browser.waitUpTo(PAGE).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid=config-history] tr"), 2));
            JsonNode published = config();
            assertThat(published.path("serving").asLong()).isEqualTo(2);
            assertThat(published.path("text").asText()).contains("\"version\": 5");
            assertThat(published.at("/history/0/note").asText()).startsWith("published from the console by ");

            WebElement first = browser.driver.findElement(By.cssSelector("[data-testid=config-history] tr[data-version='1']"));
            first.findElement(By.cssSelector("[data-testid=config-rollback]")).click();
            browser.waitUpTo(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "version 3"));
            browser.waitUpTo(PAGE).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid=config-history] tr"), 3));
            browser.screenshot("12-config-rolled-back");
        }
        JsonNode rolledBack = config();
        assertThat(rolledBack.path("serving").asLong()).isEqualTo(3);
        JsonNode expected = Json.mapper().readTree(ConfigIT.RULES);
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected).put("version", 6);
        assertThat(Json.mapper().readTree(rolledBack.path("text").asText())).as("version 1's definitions under a version above 5")
                .isEqualTo(expected);
    }

    /** Replaces the editor's text as a paste would, so the page validates it as it does a keystroke. */
    private static void type(Browser browser, String text) {
        browser.driver.executeScript("const e = document.querySelector('[data-testid=config-editor]'); e.value = arguments[0];"
                + " e.dispatchEvent(new Event('input', {bubbles: true}));", text);
    }

    private static JsonNode config() throws Exception {
        var response = WorkQueues.getFrom(stack, "/ops/config/routing-rules");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }
}
