package dev.assetflow.domain.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The event types of the asset-events contract; the wire name is also the {@code type} message attribute. */
public enum EventType {
    ASSET_RECEIVED("asset.received"),
    ASSET_CLASSIFIED("asset.classified"),
    RENDITION_READY("rendition.ready"),
    ASSET_READY("asset.ready"),
    ASSET_PARTIAL("asset.partial"),
    ASSET_FAILED("asset.failed"),
    ASSET_QUARANTINED("asset.quarantined"),
    /** The asset's renditions and records are erased (DELETE /assets/{id}); its original too when asked. */
    ASSET_DELETED("asset.deleted");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static EventType fromWireName(String wireName) {
        for (EventType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown event type: " + wireName);
    }
}
