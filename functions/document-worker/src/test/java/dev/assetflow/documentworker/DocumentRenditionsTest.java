package dev.assetflow.documentworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assetflow.fixtures.SampleDocuments;
import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.Priority;
import dev.assetflow.domain.asset.RouteInfo;
import dev.assetflow.domain.asset.SourceObject;
import dev.assetflow.runtime.config.ConfigText;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.domain.json.Json;
import dev.assetflow.domain.work.ProducedRendition;
import dev.assetflow.domain.work.RenditionPlan;
import dev.assetflow.domain.work.WorkMessage;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentRenditionsTest {
    static final WorkMessage WORK = new WorkMessage(1, AssetId.random().value(), "document", "application/pdf",
            new SourceObject("b", "k", "e", null, 1), new RouteInfo(Priority.STANDARD, "documents", "document-preview", null, 2),
            null, Instant.now());

    @TempDir
    Path dir;

    private final DocumentRenditions renditions = renditions();

    @Test
    void aPdfGetsAFirstPagePreviewAndItsPageCount() throws Exception {
        Path pdf = SampleDocuments.pdf(dir.resolve("report.pdf"), 3);
        RenditionPlan plan = renditions.plan(asset(), WORK, pdf);
        assertThat(plan.media()).containsEntry("pages", 3);
        assertThat(plan.renditions()).extracting(RenditionPlan.Planned::name).containsExactly("preview", "info");

        List<ProducedRendition> produced = renditions.produce(plan, plan.renditions(), pdf, dir, Duration.ofMinutes(1));

        BufferedImage preview = ImageIO.read(produced.get(0).mainFile().toFile());
        assertThat(preview.getWidth()).isEqualTo(1280);
        assertThat(preview.getHeight()).isEqualTo(plan.renditions().get(0).height()).isBetween(1800, 1820); // A4 portrait
        JsonNode info = Json.mapper().readTree(Files.readString(produced.get(1).mainFile()));
        assertThat(info.path("pages").asInt()).isEqualTo(3);
    }

    @Test
    void anEncryptedPdfFailsWithItsReason() {
        Path pdf = SampleDocuments.encryptedPdf(dir.resolve("secret.pdf"));
        assertThatThrownBy(() -> renditions.plan(asset(), WORK, pdf))
                .isInstanceOfSatisfying(FailureException.class, e -> {
                    assertThat(e.failure().category()).isEqualTo(FailureCategory.ENCRYPTED);
                    assertThat(e.failure().reason()).contains("password");
                });
    }

    @Test
    void aBrokenPdfIsCorrupt() {
        Path pdf = SampleDocuments.brokenPdf(dir.resolve("broken.pdf"));
        assertThatThrownBy(() -> renditions.plan(asset(), WORK, pdf))
                .isInstanceOfSatisfying(FailureException.class,
                        e -> assertThat(e.failure().category()).isEqualTo(FailureCategory.CORRUPT_MEDIA));
    }

    private static DocumentRenditions renditions() {
        try {
            return new DocumentRenditions(ProfileCatalog.parse(ConfigText.read("classpath:/profiles.json")));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Asset asset() {
        return Asset.received(new AssetId(WORK.assetId()), WORK.source(), "application/pdf", Instant.now(), "test");
    }
}
