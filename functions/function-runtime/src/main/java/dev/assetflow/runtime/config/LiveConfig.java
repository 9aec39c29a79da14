package dev.assetflow.runtime.config;

import dev.assetflow.domain.config.ConfigInvalidException;
import dev.assetflow.domain.config.ConfigSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A configuration document that may change while the function runs: each {@link #get()} reads the
 * source's newest text (cached by the source) and parses it only when it changed. A version that fails
 * validation is never used: the last good one keeps serving, and the refusal is reported (an ERROR line
 * and a metric, again at most once per {@link #REPORT_EVERY} while it lasts). With no good version in memory
 * (a cold start on a bad version), the newest good one of the source's earlier versions is used.
 */
public final class LiveConfig<T> implements Supplier<T> {
    static final Duration REPORT_EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(LiveConfig.class);

    /** Parses and validates a document's text. */
    public interface Parser<T> {
        T parse(String text) throws ConfigInvalidException;
    }

    private final String document;
    private final ConfigSource source;
    private final Parser<T> parser;
    private final BiConsumer<String, List<String>> rejections;
    private final Clock clock;
    private String servingText;
    private T serving;
    private String rejectedText;
    private Instant rejectedReportedAt;

    /** @param rejections told of each refused version: the document's name and its problems */
    public LiveConfig(String document, ConfigSource source, Parser<T> parser, BiConsumer<String, List<String>> rejections, Clock clock) {
        this.document = document;
        this.source = source;
        this.parser = parser;
        this.rejections = rejections;
        this.clock = clock;
    }

    @Override
    public synchronized T get() {
        String latest;
        try {
            latest = source.latest();
        } catch (RuntimeException e) {
            if (serving == null) {
                throw new IllegalStateException(document + " cannot be read from " + source.location() + ": " + e.getMessage(), e);
            }
            LOG.warn("{} could not be re-read from {} ({}); the version in memory keeps serving", document, source.location(), e.toString());
            return serving;
        }
        if (latest.equals(servingText)) {
            return serving;
        }
        try {
            T parsed = parser.parse(latest);
            servingText = latest;
            serving = parsed;
            rejectedText = null;
            return parsed;
        } catch (ConfigInvalidException e) {
            report(latest, e.problems());
            if (serving == null) {
                serveNewestGoodEarlierVersion();
            }
            return serving;
        }
    }

    /** The same document turned into something else (e.g. a renderer built from the profiles), rebuilt only when it changes. */
    public <R> Supplier<R> map(Function<T, R> derive) {
        return new Supplier<>() {
            private T from;
            private R derived;

            @Override
            public synchronized R get() {
                T current = LiveConfig.this.get();
                if (current != from) {
                    derived = derive.apply(current);
                    from = current;
                }
                return derived;
            }
        };
    }

    private void report(String text, List<String> problems) {
        Instant now = clock.instant();
        if (text.equals(rejectedText) && rejectedReportedAt.plus(REPORT_EVERY).isAfter(now)) {
            return;
        }
        rejectedText = text;
        rejectedReportedAt = now;
        LOG.error("a new version of {} at {} is invalid and is NOT used ({} problems: {}); {}", document, source.location(),
                problems.size(), String.join("; ", problems),
                serving == null ? "looking for the newest valid earlier version" : "the last good version keeps serving");
        rejections.accept(document, problems);
    }

    private void serveNewestGoodEarlierVersion() {
        for (String earlier : source.earlier()) {
            try {
                serving = parser.parse(earlier);
                servingText = earlier;
                LOG.warn("{}: serving the newest valid earlier version from {}", document, source.location());
                return;
            } catch (ConfigInvalidException ignored) {
                // older still
            }
        }
        throw new IllegalStateException(document + " at " + source.location() + " has no valid version; fix it with scripts/config push");
    }
}
