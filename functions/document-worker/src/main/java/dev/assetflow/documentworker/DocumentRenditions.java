package dev.assetflow.documentworker;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.document.DocumentProfile;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import dev.assetflow.domain.profile.ProfileCatalog;
import dev.assetflow.domain.json.Json;
import dev.assetflow.domain.work.ProducedRendition;
import dev.assetflow.domain.work.Renderer;
import dev.assetflow.domain.work.RenditionPlan;
import dev.assetflow.domain.work.WorkMessage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * PDFs (Apache PDFBox): the page count, recorded on the asset (plan media) and in an info rendition, and a preview
 * of the first page. Encrypted and unreadable PDFs fail with their reason; the page count and the
 * preview's pixel count are limited before rendering. PDFBox buffers to temp files, not the heap.
 */
final class DocumentRenditions implements Renderer {
    static final String PREVIEW = "preview";
    static final String INFO = "info";

    private final ProfileCatalog profiles;

    DocumentRenditions(ProfileCatalog profiles) {
        this.profiles = profiles;
    }

    private record Layout(int pages, float pageWidthPoints, float pageHeightPoints, float scale, int previewWidth,
            int previewHeight, String pdfVersion) {}

    @Override
    public RenditionPlan plan(Asset asset, WorkMessage work, Path source) {
        DocumentProfile profile = profile(work.route().profile());
        Layout layout = withDocument(source, document -> layout(document, profile));
        Map<String, Object> media = new LinkedHashMap<>();
        media.put("pages", layout.pages());
        media.put("pdfVersion", layout.pdfVersion());
        media.put("pageWidthPoints", layout.pageWidthPoints());
        media.put("pageHeightPoints", layout.pageHeightPoints());
        return new RenditionPlan(profile.name(), profile.version(), List.of(
                new RenditionPlan.Planned(PREVIEW, "image/jpeg", layout.previewWidth(), layout.previewHeight(), null)
                        .withDefinition("first page " + layout.previewWidth() + "x" + layout.previewHeight()),
                RenditionPlan.Planned.file(INFO, "application/json").withDefinition("document info")), media);
    }

    @Override
    public List<ProducedRendition> produce(RenditionPlan plan, List<RenditionPlan.Planned> missing, Path source, Path dir,
            Duration timeLeft) {
        DocumentProfile profile = profile(plan.profile());
        return withDocument(source, document -> {
            Layout layout = layout(document, profile);
            List<ProducedRendition> produced = new ArrayList<>();
            for (RenditionPlan.Planned planned : missing) {
                if (planned.name().equals(PREVIEW)) {
                    BufferedImage page = new PDFRenderer(document).renderImage(0, layout.scale(), ImageType.RGB);
                    produced.add(ProducedRendition.single(planned, jpeg(page, dir.resolve("preview.jpg"))));
                } else {
                    Map<String, Object> info = new LinkedHashMap<>();
                    info.put("pages", layout.pages());
                    info.put("pdfVersion", layout.pdfVersion());
                    info.put("firstPage", Map.of("widthPoints", layout.pageWidthPoints(), "heightPoints", layout.pageHeightPoints()));
                    produced.add(new ProducedRendition(planned, Map.of("info.json",
                            Files.writeString(dir.resolve("info.json"), Json.write(info))), "info.json"));
                }
            }
            return produced;
        });
    }

    private static Layout layout(PDDocument document, DocumentProfile profile) {
        int pages = document.getNumberOfPages();
        if (pages == 0) {
            throw failure(FailureCategory.CORRUPT_MEDIA, "the PDF has no pages");
        }
        if (pages > profile.maxPages()) {
            throw failure(FailureCategory.LIMIT_EXCEEDED, "the PDF has " + pages + " pages; the limit is " + profile.maxPages());
        }
        PDRectangle box = document.getPage(0).getCropBox();
        boolean quarterTurn = Math.abs(document.getPage(0).getRotation()) % 180 == 90;
        float width = quarterTurn ? box.getHeight() : box.getWidth();
        float height = quarterTurn ? box.getWidth() : box.getHeight();
        if (width <= 0 || height <= 0) {
            throw failure(FailureCategory.CORRUPT_MEDIA, "the first page has no size");
        }
        float scale = profile.previewWidth() / width;
        if ((double) width * scale * height * scale > profile.maxPreviewPixels()) {
            // a page far taller than wide: keep the preview within the pixel limit
            scale = (float) Math.sqrt(profile.maxPreviewPixels() / ((double) width * height));
        }
        return new Layout(pages, width, height, scale, Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)),
                Float.toString(document.getVersion()));
    }

    @FunctionalInterface
    private interface DocumentWork<T> {
        T apply(PDDocument document) throws IOException;
    }

    private static <T> T withDocument(Path source, DocumentWork<T> work) {
        try (PDDocument document = Loader.loadPDF(source.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            if (document.isEncrypted()) {
                throw failure(FailureCategory.ENCRYPTED, "the PDF is encrypted; Assetflow does not open protected documents");
            }
            return work.apply(document);
        } catch (InvalidPasswordException e) {
            throw failure(FailureCategory.ENCRYPTED, "the PDF is protected by a password; Assetflow does not open protected documents");
        } catch (IOException e) {
            throw failure(FailureCategory.CORRUPT_MEDIA, "PDFBox cannot read the PDF: " + e.getMessage());
        }
    }

    private static Path jpeg(BufferedImage image, Path target) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam parameters = writer.getDefaultWriteParam();
        parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        parameters.setCompressionQuality(0.85f);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), parameters);
        } finally {
            writer.dispose();
        }
        return target;
    }

    private DocumentProfile profile(String name) {
        return profiles.document(name).orElseThrow(() -> new FailureException(
                Failure.of(FailureCategory.CONFIGURATION, "no document profile named '" + name + "'")));
    }

    private static FailureException failure(FailureCategory category, String reason) {
        return new FailureException(Failure.of(category, reason));
    }
}
