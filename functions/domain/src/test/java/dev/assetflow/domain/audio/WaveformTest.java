package dev.assetflow.domain.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WaveformTest {

    @Test
    void reducesSamplesToMinMaxPairs() {
        short[] samples = {0, 100, -50, 20, 7, -300, 30000, 1, 2};
        Waveform waveform = Waveform.of(samples, 8000, 3);
        assertThat(waveform.samples_per_pixel()).isEqualTo(3);
        assertThat(waveform.length()).isEqualTo(3);
        assertThat(waveform.data()).containsExactly(-50, 100, -300, 20, 1, 30000);
        assertThat(waveform.bits()).isEqualTo(16);
    }

    @Test
    void silenceOrNothingStillYieldsAValidWaveform() {
        assertThat(Waveform.of(new short[0], 8000, 100).length()).isZero();
        assertThat(Waveform.of(new short[10], 8000, 100).data()).hasSize(20).containsOnly(0);
    }
}
