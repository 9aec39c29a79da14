package dev.assetflow.imageworker;

import static dev.assetflow.imageworker.RenditionsUnderTest.PROBE;
import static dev.assetflow.imageworker.RenditionsUnderTest.SAMPLES;
import static dev.assetflow.imageworker.RenditionsUnderTest.SVG;
import static dev.assetflow.imageworker.RenditionsUnderTest.TIMEOUT;
import static dev.assetflow.imageworker.RenditionsUnderTest.asset;
import static dev.assetflow.imageworker.RenditionsUnderTest.renditions;
import static dev.assetflow.imageworker.RenditionsUnderTest.work;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.work.ProducedRendition;
import dev.assetflow.domain.work.RenditionPlan;
import dev.assetflow.domain.work.WorkMessage;
import dev.assetflow.fixtures.SampleMedia;
import dev.assetflow.media.ImageInfo;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SVG drawn safely into the image renditions, and every hostile SVG refused before anything is drawn. */
class SvgImageTest {
    static final WorkMessage WORK = work("image/svg+xml");
    static final String LOGO = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40">
              <defs><linearGradient id="g"><stop offset="0" stop-color="#0a6"/><stop offset="1" stop-color="#06a"/></linearGradient></defs>
              <rect x="30" y="10" width="40" height="20" rx="4" fill="url(#g)"/>
              <circle cx="20" cy="20" r="8" fill="#c30"/>
              <text x="75" y="25" font-family="sans-serif" font-size="8">Co</text>
            </svg>
            """;

    @TempDir
    Path dir;

    @Test
    void aLogoIsDrawnAtEveryProfileWidthWithItsTransparencyKept() throws Exception {
        Path svg = Files.writeString(dir.resolve("logo.svg"), LOGO);
        ImageRenditions renditions = renditions();
        RenditionPlan plan = renditions.plan(asset(WORK), WORK, svg);

        assertThat(plan.renditions()).extracting(p -> p.name() + " " + p.width() + "x" + p.height()).containsExactly(
                "320w.webp 320x128", "320w.jpg 320x128", "640w.webp 640x256", "640w.jpg 640x256",
                "1280w.webp 1280x512", "1280w.jpg 1280x512");
        assertThat(plan.media()).containsEntry("svgWidth", 100.0).containsEntry("svgHeight", 40.0);
        Map<String, ProducedRendition> produced = renditions.produce(plan, plan.renditions(), svg, dir, TIMEOUT).stream()
                .collect(Collectors.toMap(p -> p.planned().name(), Function.identity()));
        ImageInfo large = PROBE.probeImage(produced.get("1280w.webp").mainFile(), TIMEOUT);
        assertThat(large.width() + "x" + large.height()).isEqualTo("1280x512");
        assertThat(SAMPLES.topLeftPixel(produced.get("1280w.webp").mainFile())).as("transparent corner").endsWith(",0");
        assertThat(SAMPLES.topLeftPixel(produced.get("1280w.jpg").mainFile())).as("white in JPEG").isEqualTo("255,255,255,255");
        assertThat(SAMPLES.centrePixelIsOpaque(produced.get("1280w.webp").mainFile())).as("the drawing is there").isTrue();
    }

    @Test
    void externalReferencesAreNeverFetched() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            Path svg = Files.writeString(dir.resolve("tracker.svg"), """
                    <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="50" height="50">
                      <image href="%1$s/pixel.png" width="50" height="50"/>
                      <image xlink:href="%1$s/legacy.png" width="50" height="50"/>
                      <use href="%1$s/sprite.svg#icon"/>
                      <rect width="10" height="10" fill="black" style="fill: url(%1$s/paint.svg#p)"/>
                    </svg>
                    """.formatted(url));
            SvgRasterizer rasterizer = SVG;
            rasterizer.inspect(svg);
            rasterizer.rasterize(svg, 100, 100, dir.resolve("tracker.png"));
            assertThat(requests.get()).as("requests the SVG made the renderer send").isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void entityDeclarationsAreRefusedBeforeAnythingIsExpanded() throws Exception {
        Path laughs = Files.writeString(dir.resolve("laughs.svg"), """
                <?xml version="1.0"?>
                <!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&c;</text></svg>
                """);
        Path xxe = SampleMedia.svgWithExternalEntity(dir.resolve("xxe.svg"));
        for (Path hostile : new Path[] {laughs, xxe}) {
            assertThatThrownBy(() -> SVG.inspect(hostile))
                    .as(hostile.getFileName().toString())
                    .isInstanceOfSatisfying(FailureException.class, e -> {
                        assertThat(e.failure().category()).isEqualTo(FailureCategory.UNSUPPORTED_TYPE);
                        assertThat(e.failure().reason()).contains("entities");
                    });
        }
    }

    @Test
    void sizeElementCountAndRasterSizeAreLimited() throws Exception {
        StringBuilder many = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">");
        many.append("<rect width=\"1\" height=\"1\"/>".repeat(101)).append("</svg>");
        Path crowded = Files.writeString(dir.resolve("crowded.svg"), many);
        assertThatThrownBy(() -> new SvgRasterizer(5L * 1024 * 1024, 100).inspect(crowded))
                .isInstanceOfSatisfying(FailureException.class, e -> {
                    assertThat(e.failure().category()).isEqualTo(FailureCategory.LIMIT_EXCEEDED);
                    assertThat(e.failure().reason()).isEqualTo("the SVG has more than 100 elements");
                });
        assertThatThrownBy(() -> new SvgRasterizer(1000, 50_000).inspect(crowded))
                .isInstanceOfSatisfying(FailureException.class, e -> assertThat(e.failure().reason()).contains("limit is 1000"));
        Path needle = Files.writeString(dir.resolve("needle.svg"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"100000\"><rect width=\"1\" height=\"1\"/></svg>");
        assertThatThrownBy(() -> renditions().plan(asset(WORK), WORK, needle))
                .isInstanceOfSatisfying(FailureException.class, e -> {
                    assertThat(e.failure().category()).isEqualTo(FailureCategory.LIMIT_EXCEEDED);
                    assertThat(e.failure().reason()).contains("1280x128000000 raster");
                });
    }

    @Test
    void brokenXmlIsCorrupt() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect></svg>");
        assertThatThrownBy(() -> SVG.inspect(broken))
                .isInstanceOfSatisfying(FailureException.class, e -> {
                    assertThat(e.failure().category()).isEqualTo(FailureCategory.CORRUPT_MEDIA);
                    assertThat(e.failure().reason()).startsWith("the SVG cannot be drawn: it is not well-formed XML");
                });
    }

}
