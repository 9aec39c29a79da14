package dev.assetflow.localstack;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.assetflow.localstack.runtime.ScheduleRule;

/** For tests that call a scheduled handler directly: the event its rule sends, read as the Lambda runtime reads it. */
public final class ScheduledEvents {

    private ScheduledEvents() {
    }

    public static ScheduledEvent of(String ruleArn) {
        return LambdaEventSerializers.serializerFor(ScheduledEvent.class, ScheduledEvents.class.getClassLoader())
                .fromJson(ScheduleRule.event(ruleArn, "us-east-1"));
    }
}
