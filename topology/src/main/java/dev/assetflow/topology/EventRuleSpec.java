package dev.assetflow.topology;

import java.util.List;

/** An EventBridge rule on the default bus whose matching events go to a queue. */
public record EventRuleSpec(String purpose, List<String> source, List<String> detailType, String queue) {

    public EventRuleSpec {
        source = source == null ? List.of() : List.copyOf(source);
        detailType = detailType == null ? List.of() : List.copyOf(detailType);
    }
}
