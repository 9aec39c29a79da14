package dev.assetflow.domain.listing;

import java.util.List;

/** Port: assets by an index made for listing them (never a scan of the table), a page at a time. */
public interface AssetListing {

    /** One page, newest first; {@code cursor} continues after its last asset, null when there is no more. */
    record Page(List<AssetSummary> assets, String cursor) {
        public Page {
            assets = List.copyOf(assets);
        }
    }

    Page list(AssetQuery query);
}
