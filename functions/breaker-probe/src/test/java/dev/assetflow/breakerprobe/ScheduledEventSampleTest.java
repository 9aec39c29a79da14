package dev.assetflow.breakerprobe;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import org.junit.jupiter.api.Test;

/** The event breaker-probe's schedule sends reads into the type its handler takes, as the Lambda runtime reads it. */
class ScheduledEventSampleTest {

    @Test
    void theScheduleRulesEventIsAScheduledEvent() {
        ScheduledEvent event = EventLoader.loadScheduledEvent("events/breaker-probe/scheduled-event.json");
        assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(event.getSource()).isEqualTo("aws.events");
        assertThat(event.getResources()).singleElement().asString().contains(":rule/");
    }
}
