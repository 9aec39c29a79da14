package dev.assetflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The guard itself must see a cycle when there is one. */
class CyclesTest {

    @Test
    void findsACycleRoundThreePackagesAndNoneInALayeredGraph() {
        assertThat(Cycles.of(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"))))
                .containsExactly(Set.of("a", "b", "c"));
        assertThat(Cycles.of(Map.of("a", Set.of("b", "c"), "b", Set.of("c")))).isEmpty();
    }
}
