package org.retailrl.algorithms.ppo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.happo.HappoConfig;

/** Pins the defaults of MODEL.md §8 (CleanRL {@code ppo.py}, HARL's critic). */
class PpoConfigTest {
    @Test
    void defaultsAreCleanRls() {
        PpoConfig d = PpoConfig.DEFAULTS;
        assertEquals(0.99, d.gamma());
        assertEquals(0.95, d.gaeLambda());
        assertEquals(0.2, d.clip());
        assertEquals(0.01, d.entCoef());
        assertEquals(0.5, d.vfCoef());
        assertEquals(0.5, d.maxGradNorm());
        assertEquals(3e-4, d.lr());
        assertEquals(1e-5, d.adamEps());
        assertEquals(4, d.updateEpochs());
        assertEquals(4, d.minibatches());
        assertTrue(d.normAdvantages());
        assertTrue(d.clipValueLoss());
        assertTrue(d.annealLr());
        assertTrue(d.scaleRewards());
        assertEquals(1, d.episodesPerUpdate());
        assertEquals(100, d.sequenceLength());
        assertEquals(64, d.hidden());
        assertEquals(2, d.gruLayers());
    }

    @Test
    void happoDefaultsAddHarlsCritic() {
        HappoConfig h = HappoConfig.DEFAULTS;
        assertEquals(PpoConfig.DEFAULTS, h.ppo());
        assertEquals(10.0, h.huberDelta());
        assertTrue(h.valueNorm());
        assertEquals(1.0, h.criticCoef());
    }

    @Test
    void badValuesNameTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PpoConfig.DEFAULTS.withDiscount(1.2, 0.95));
        assertTrue(e.getMessage().contains("gamma") && e.getMessage().contains("[0, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PpoConfig.DEFAULTS.withUpdates(0, 4));
        assertTrue(e.getMessage().contains("updateEpochs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PpoConfig.DEFAULTS.withLr(Double.NaN, true));
        assertTrue(e.getMessage().contains("lr"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new HappoConfig(PpoConfig.DEFAULTS, -1, true, 1));
        assertTrue(e.getMessage().contains("huberDelta"), e.getMessage());
    }
}
