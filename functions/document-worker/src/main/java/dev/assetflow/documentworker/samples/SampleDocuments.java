package dev.assetflow.documentworker.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Real PDFs for the demo and the tests: a plain one, a password-protected one, a broken one. */
public final class SampleDocuments {

    private SampleDocuments() {
    }

    /** An A4 PDF of {@code pages} pages, each saying its number. */
    public static Path pdf(Path out, int pages) {
        try (PDDocument document = document(pages)) {
            document.save(out.toFile());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF that needs a password to open. */
    public static Path encryptedPdf(Path out) {
        try (PDDocument document = document(2)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out.toFile());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF header followed by garbage: what a broken export or a lying extension looks like. */
    public static Path brokenPdf(Path out) {
        try {
            byte[] garbage = new byte[4096];
            Arrays.fill(garbage, (byte) 0x5A);
            byte[] header = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n".getBytes(StandardCharsets.ISO_8859_1);
            byte[] content = new byte[header.length + garbage.length];
            System.arraycopy(header, 0, content, 0, header.length);
            System.arraycopy(garbage, 0, content, header.length, garbage.length);
            return Files.write(out, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDDocument document(int pages) throws IOException {
        PDDocument document = new PDDocument();
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        for (int i = 1; i <= pages; i++) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, 48);
                content.newLineAtOffset(72, 700);
                content.showText("Assetflow page " + i + " of " + pages);
                content.endText();
            }
        }
        return document;
    }
}
