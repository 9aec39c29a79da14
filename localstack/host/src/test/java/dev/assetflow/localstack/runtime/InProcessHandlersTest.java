package dev.assetflow.localstack.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assetflow.topology.TopologyLoader;
import org.junit.jupiter.api.Test;

class InProcessHandlersTest {

    @Test
    void everyFunctionOfTheTopologyHasAnInProcessFactory() {
        assertThat(TopologyLoader.load().functions().values())
                .allSatisfy(spec -> assertThat(InProcessHandlers.of(spec.handler())).as(spec.handler()).isNotNull());
    }

    @Test
    void anUnknownHandlerIsNamedInTheError() {
        assertThatThrownBy(() -> InProcessHandlers.of("com.example.Missing"))
                .hasMessageContaining("com.example.Missing").hasMessageContaining("InProcessHandlers");
    }
}
