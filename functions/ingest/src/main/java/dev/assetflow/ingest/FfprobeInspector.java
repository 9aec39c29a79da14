package dev.assetflow.ingest;

import dev.assetflow.domain.asset.SourceObject;
import dev.assetflow.domain.classify.MediaFacts;
import dev.assetflow.domain.classify.MediaInspector;
import dev.assetflow.domain.storage.ObjectStore;
import dev.assetflow.media.MediaInfo;
import dev.assetflow.media.MediaProbe;
import java.nio.file.Path;
import java.time.Duration;

/**
 * ffprobe on a presigned GET URL: it reads the container's headers with range requests, so ingest
 * learns duration, size and codecs of a multi-gigabyte video without downloading it.
 */
final class FfprobeInspector implements MediaInspector {
    private static final Duration URL_EXPIRY = Duration.ofMinutes(5);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    private final ObjectStore store;
    private final MediaProbe probe;
    private final Path workDirectory;

    FfprobeInspector(ObjectStore store, MediaProbe probe, Path workDirectory) {
        this.store = store;
        this.probe = probe;
        this.workDirectory = workDirectory;
    }

    @Override
    public MediaFacts inspect(SourceObject source) {
        String url = store.readUrl(source.bucket(), source.key(), URL_EXPIRY);
        MediaInfo info = probe.probeMedia(url, workDirectory, PROBE_TIMEOUT);
        return new MediaFacts(info.summary(), info.video().isPresent(), !info.audio().isEmpty());
    }
}
