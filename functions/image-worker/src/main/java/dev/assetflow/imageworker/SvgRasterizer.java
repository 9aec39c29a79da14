package dev.assetflow.imageworker;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.DocumentLimits;
import com.github.weisj.jsvg.parser.LoaderContext;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.parser.resources.ResourcePolicy;
import com.github.weisj.jsvg.view.FloatSize;
import com.github.weisj.jsvg.view.ViewBox;
import dev.assetflow.domain.failure.Failure;
import dev.assetflow.domain.failure.FailureCategory;
import dev.assetflow.domain.failure.FailureException;
import java.awt.Component;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.events.XMLEvent;

/**
 * SVG to pixels, safely: the file is first read as plain XML with DTDs and external entities off
 * (https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html#java),
 * its size, element count and nesting checked, and a document type with declarations (entities) refused;
 * then JSVG, a static renderer (no scripting, no animation), loads it with every external resource denied,
 * and draws it into a transparent raster. Nothing in an SVG makes this code fetch, run or expand anything.
 */
final class SvgRasterizer {
    /** The size an SVG says it has (width/height, else its viewBox; 300x150, CSS's default, when it says nothing). */
    record SvgSize(double width, double height, int elements) {}

    private final long maxBytes;
    private final int maxElements;

    SvgRasterizer(long maxBytes, int maxElements) {
        this.maxBytes = maxBytes;
        this.maxElements = maxElements;
    }

    SvgSize inspect(Path svg) {
        int elements = checkStructure(svg);
        FloatSize size = load(svg).size();
        if (!(size.width > 0) || !(size.height > 0) || !Float.isFinite(size.width) || !Float.isFinite(size.height)) {
            throw corrupt("it declares no usable size (width " + size.width + ", height " + size.height + ")");
        }
        return new SvgSize(size.width, size.height, elements);
    }

    /** Draws the whole SVG scaled to {@code width}x{@code height} into a PNG with transparency. */
    Path rasterize(Path svg, int width, int height, Path png) {
        checkStructure(svg);
        SVGDocument document = load(svg);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            document.render((Component) null, graphics, new ViewBox(0, 0, width, height));
        } catch (RuntimeException | Error e) {
            if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("font")) {
                // <text> needs a font from the system (fontconfig); a runtime without any is the deployment's fault
                throw new FailureException(Failure.of(FailureCategory.CONFIGURATION,
                        "the SVG's text cannot be drawn: this function's runtime has no usable fonts (" + e + ")"));
            }
            throw corrupt("rendering it failed: " + e); // an unsupported paint or shape: this file's, not a retry's
        } finally {
            graphics.dispose();
        }
        try {
            if (!ImageIO.write(image, "png", png.toFile())) {
                throw new IllegalStateException("no PNG writer in this JVM");
            }
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the number of elements; refuses what is too big, too many, too deep or declares entities */
    private int checkStructure(Path svg) {
        try {
            if (Files.size(svg) > maxBytes) {
                throw limit("the SVG is " + Files.size(svg) + " bytes; the limit is " + maxBytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        int elements = 0;
        int depth = 0;
        try (InputStream in = Files.newInputStream(svg)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLEvent.DTD -> {
                        if (reader.getText().contains("[")) {
                            throw new FailureException(Failure.of(FailureCategory.UNSUPPORTED_TYPE, "the SVG declares"
                                    + " entities in its DOCTYPE, which could expand or fetch content; save it without them"));
                        }
                    }
                    case XMLEvent.ENTITY_REFERENCE -> throw new FailureException(Failure.of(FailureCategory.UNSUPPORTED_TYPE,
                            "the SVG refers to the entity &" + reader.getLocalName() + "; entities are not expanded"));
                    case XMLEvent.START_ELEMENT -> {
                        if (++elements > maxElements) {
                            throw limit("the SVG has more than " + maxElements + " elements");
                        }
                        if (++depth > DocumentLimits.DEFAULT_MAX_NESTING_DEPTH) {
                            throw limit("the SVG nests elements more than " + DocumentLimits.DEFAULT_MAX_NESTING_DEPTH + " deep");
                        }
                    }
                    case XMLEvent.END_ELEMENT -> depth--;
                    default -> { }
                }
            }
            reader.close();
            return elements;
        } catch (XMLStreamException e) {
            throw corrupt("it is not well-formed XML: " + e.getMessage().lines().reduce((a, b) -> b).orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SVGDocument load(Path svg) {
        LoaderContext context = LoaderContext.builder()
                .externalResourcePolicy(ResourcePolicy.DENY_ALL) // no <image href="http://…">, no file://
                .documentLimits(DocumentLimits.DEFAULT)
                .build();
        try (InputStream in = Files.newInputStream(svg)) {
            SVGDocument document = new SVGLoader().load(in, null, context);
            if (document == null) {
                throw corrupt("JSVG cannot read it as SVG");
            }
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FailureException corrupt(String reason) {
        return new FailureException(Failure.of(FailureCategory.CORRUPT_MEDIA, "the SVG cannot be drawn: " + reason));
    }

    private static FailureException limit(String reason) {
        return new FailureException(Failure.of(FailureCategory.LIMIT_EXCEEDED, reason));
    }
}
