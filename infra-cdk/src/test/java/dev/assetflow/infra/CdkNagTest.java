package dev.assetflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** cdk-nag's AWS Solutions checks: no unsuppressed error, no unsuppressed warning. */
class CdkNagTest {

    @Test
    void noUnsuppressedAwsSolutionsErrors() {
        List<SynthesisMessage> errors = Annotations.fromStack(SynthesizedStack.STACK)
                .findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertThat(errors.stream().map(CdkNagTest::describe).toList()).isEmpty();
    }

    @Test
    void noUnsuppressedAwsSolutionsWarnings() {
        List<SynthesisMessage> warnings = Annotations.fromStack(SynthesizedStack.STACK)
                .findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertThat(warnings.stream().map(CdkNagTest::describe).toList()).isEmpty();
    }

    private static String describe(SynthesisMessage message) {
        String text = String.valueOf(message.getEntry().getData());
        return message.getId() + ": " + (text.length() > 160 ? text.substring(0, 160) : text);
    }
}
