package dev.assetflow.runtime.config;

import dev.assetflow.domain.config.ConfigInvalidException;
import dev.assetflow.domain.config.ConfigSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A configuration document that may change while the function runs: each {@link #get()} reads the
 * source's newest text (cached by the source) and parses it only when it changed. A version that fails
 * validation is never used: the last good one keeps serving, and the refusal is reported (an ERROR line
 * and a metric, again once per {@link #REPORT_EVERY} while it is the newest), and the newest valid one of the
 * source's earlier versions serves (on a cold start too).
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
    private List<String> rejectedProblems;
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
        if (latest.equals(rejectedText)) {
            reportAgainIfDue();
            return serving;
        }
        try {
            T parsed = parser.parse(latest);
            servingText = latest;
            serving = parsed;
            rejectedText = null;
            return parsed;
        } catch (ConfigInvalidException e) {
            rejectedText = latest;
            rejectedProblems = e.problems();
            report();
            serveNewestValidEarlierVersion();
            return serving;
        }
    }

    /**
     * The newest version that satisfies {@code wanted}: the serving one, else the newest valid earlier one that does
     * (from the source's history). Work planned with a version a newer one has replaced since (a MediaConvert job
     * running while a profile changed) finds the version it was planned with. Empty when no version does.
     */
    public Optional<T> newestWhere(Predicate<T> wanted) {
        T current = get();
        if (wanted.test(current)) {
            return Optional.of(current);
        }
        for (String text : source.earlier()) {
            try {
                T parsed = parser.parse(text);
                if (wanted.test(parsed)) {
                    return Optional.of(parsed);
                }
            } catch (ConfigInvalidException ignored) {
                // never served: not what any work was planned with
            }
        }
        return Optional.empty();
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

    private void reportAgainIfDue() {
        if (!rejectedReportedAt.plus(REPORT_EVERY).isAfter(clock.instant())) {
            report();
        }
    }

    private void report() {
        rejectedReportedAt = clock.instant();
        LOG.error("a new version of {} at {} is invalid and is NOT used ({} problems: {}); the last good version keeps serving",
                document, source.location(), rejectedProblems.size(), String.join("; ", rejectedProblems));
        rejections.accept(document, rejectedProblems);
    }

    /**
     * The newest valid version among the earlier ones: the same for every execution environment, including one
     * that was not invoked while that version was the newest (it would otherwise keep an older one in memory).
     * Without a readable history, the version in memory keeps serving.
     */
    private void serveNewestValidEarlierVersion() {
        List<String> earlier;
        try {
            earlier = source.earlier();
        } catch (RuntimeException e) {
            if (serving == null) {
                throw new IllegalStateException(document + ": the newest version at " + source.location()
                        + " is invalid and the earlier ones cannot be read: " + e.getMessage(), e);
            }
            LOG.warn("{}: earlier versions cannot be read ({}); the version in memory keeps serving", document, e.toString());
            return;
        }
        for (String text : earlier) {
            if (text.equals(servingText)) {
                return;
            }
            try {
                serving = parser.parse(text);
                servingText = text;
                LOG.warn("{}: serving the newest valid earlier version from {}", document, source.location());
                return;
            } catch (ConfigInvalidException ignored) {
                // older still
            }
        }
        if (serving == null) {
            throw new IllegalStateException(document + " at " + source.location() + " has no valid version; fix it with scripts/config push");
        }
    }
}
