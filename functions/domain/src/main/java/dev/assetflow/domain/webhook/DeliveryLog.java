package dev.assetflow.domain.webhook;

import java.util.List;
import java.util.Optional;

/** Port: the deliveries of each endpoint, one record per event. */
public interface DeliveryLog {

    Optional<DeliveryRecord> find(String endpoint, String eventId);

    void save(DeliveryRecord record);

    /** Every record of an endpoint (a Query on its partition, page by page). */
    List<DeliveryRecord> of(String endpoint);
}
