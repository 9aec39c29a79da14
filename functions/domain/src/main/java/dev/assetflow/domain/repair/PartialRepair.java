package dev.assetflow.domain.repair;

import dev.assetflow.domain.asset.Asset;
import dev.assetflow.domain.asset.AssetAudit;
import dev.assetflow.domain.asset.AssetId;
import dev.assetflow.domain.asset.AssetRepository;
import dev.assetflow.domain.work.WorkDispatcher;
import dev.assetflow.domain.work.WorkMessage;
import java.time.Clock;
import java.util.Optional;

/**
 * Asks the workers to make what a PARTIAL asset is missing (README, "Graceful degradation and ./scripts/repair"):
 * its work is sent again, marked as a repair, to the work queue its route names; the worker reopens the asset and
 * produces only the renditions without a checkpoint. Shared by {@code ./scripts/repair} and
 * {@code POST /assets/{assetId}/repair}. Who asked is written in the asset's history first ({@link AssetAudit}); a
 * failure to send is then thrown (FailureException), the note saying what was asked.
 */
public final class PartialRepair {
    private final AssetRepository assets;
    private final WorkDispatcher dispatcher;
    private final Clock clock;
    private final AssetAudit audit;

    public PartialRepair(AssetRepository assets, WorkDispatcher dispatcher, Clock clock) {
        this.assets = assets;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.audit = new AssetAudit(assets, clock);
    }

    public sealed interface Outcome {}

    public record Sent(Asset asset) implements Outcome {}

    public record NotFound(AssetId id) implements Outcome {}

    /** Only a PARTIAL asset has something to repair. */
    public record NotRepairable(Asset asset) implements Outcome {}

    public Outcome repair(AssetId id, String by) {
        Optional<Asset> asset = assets.find(id);
        if (asset.isEmpty()) {
            return new NotFound(id);
        }
        if (!asset.get().repairable()) {
            return new NotRepairable(asset.get());
        }
        audit.note(asset.get(), by, "repair of the missing renditions asked");
        dispatcher.dispatch(WorkMessage.of(asset.get(), "repair", clock.instant()).asRepair(clock.instant()));
        return new Sent(asset.get());
    }
}
