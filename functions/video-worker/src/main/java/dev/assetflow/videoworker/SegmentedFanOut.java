package dev.assetflow.videoworker;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetRepository;
import dev.assetflow.domain.video.ChunkDispatcher;
import dev.assetflow.domain.video.ChunkLedger;
import dev.assetflow.domain.video.ChunkWork;
import dev.assetflow.domain.video.EnginePlan;
import dev.assetflow.domain.video.VideoLayout;
import dev.assetflow.domain.work.KeptRenditions;
import dev.assetflow.domain.work.WorkMessage;
import dev.assetflow.domain.work.WorkOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fan-out of a segmented video: one message per chunk, plus one for the audio rendition when the
 * source has sound, on the chunk queue of the asset's priority class. Parts the ledger already counts
 * are not sent again (a redelivered work message, a redriven asset); when every part is counted but the
 * asset is still PROCESSING (the assembly died), the last part is sent again, and its worker assembles. Rungs (and
 * the audio) an earlier profile version made with the same definition are left out of the parts (a reprocess): the
 * assembly keeps them by the same rule.
 */
final class SegmentedFanOut {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentedFanOut.class);
    private final AssetRepository assets;
    private final ChunkLedger ledger;
    private final ChunkDispatcher dispatcher;

    SegmentedFanOut(AssetRepository assets, ChunkLedger ledger, ChunkDispatcher dispatcher) {
        this.assets = assets;
        this.ledger = ledger;
        this.dispatcher = dispatcher;
    }

    WorkOutcome start(Asset asset, WorkMessage work, VideoPlanner.VideoPlan plan, EnginePlan.Segmented engine) {
        VideoLayout planned = plan.layout();
        if (work.forShadow()) {
            return dispatch(asset, work, planned, engine); // a shadow changes nothing about the asset and makes everything
        }
        if (!asset.mediaWith(plan.media()).equals(asset.media())) {
            assets.recordMedia(asset.id(), asset.mediaWith(plan.media()));
        }
        return dispatch(asset, work, planned.keeping(KeptRenditions.matching(assets.renditions(asset.id()), planned.profile(),
                planned.profileVersion(), planned.renditions()).keySet()), engine);
    }

    private WorkOutcome dispatch(Asset asset, WorkMessage work, VideoLayout layout, EnginePlan.Segmented engine) {
        List<ChunkWork.Part> parts = new ArrayList<>(engine.chunks().stream().map(ChunkWork.Part::of).toList());
        if (layout.encodesAudio()) {
            parts.add(ChunkWork.Part.audio(parts.size(), layout.segmentCount(), layout.source().durationSeconds()));
        }
        Set<Integer> counted = ledger.counted(asset.id(), layout.profile(), layout.profileVersion());
        List<ChunkWork.Part> missing = parts.stream().filter(part -> !counted.contains(part.index())).toList();
        List<ChunkWork.Part> send = missing.isEmpty() ? List.of(parts.get(parts.size() - 1)) : missing;
        dispatcher.dispatch(work.route().queue(), send.stream().map(part -> ChunkWork.of(work, layout, parts.size(), part)).toList());
        LOG.info("asset {}: {} of {} parts{} sent to the {} chunk queue ({} already done; {} of {} rungs to encode, {} kept)", asset.id(),
                send.size(), parts.size(), work.forShadow() ? " of its shadow with " + layout.profile() : "", work.route().queue().label(),
                counted.size(), layout.encodedLadder().size(), layout.ladder().size(), layout.kept());
        return new WorkOutcome.Done(asset.id() + " segmented into " + parts.size() + " parts; " + send.size() + " sent");
    }
}
