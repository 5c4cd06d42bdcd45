package org.retailrl.envs.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Defaults, the named scenarios and field validation of {@link PricingScenario}. */
class PricingScenarioTest {
    @Test
    void defaultsAreThoseOfModelSectionOne() {
        PricingScenario s = PricingScenario.defaults();
        assertEquals(21, s.priceCount());
        assertEquals(10.0, s.minPrice());
        assertEquals(50.0, s.maxPrice());
        assertEquals(12.0, s.price(1));
        assertEquals(20, s.maxOrder());
        assertEquals(10.0, s.unitCost());
        assertEquals(1.0, s.holdingCost());
        assertEquals(5.0, s.shortageCost());
        assertEquals(0.0, s.fixedCost());
        assertEquals(3, s.leadTime());
        assertEquals(100, s.horizon());
        assertEquals(10, s.initialInventory());
        assertEquals(0, s.initialPipeline()[0] + s.initialPipeline()[1] + s.initialPipeline()[2]);
        assertEquals(800.0, s.marketSize());
        assertEquals(1.0, s.periodLength());
        assertEquals(-3.89, s.betaIntercept());
        assertEquals(-0.56, s.betaRank());
        assertEquals(-0.01, s.betaGap());
        assertEquals(0.07, s.betaCompetitors());
        assertEquals(-0.03, s.betaAverage());
        assertEquals(-0.01, s.betaReference());
        assertEquals(0.9, s.referenceWeight());
        assertEquals(30.0, s.initialReference());
        assertEquals(CompetitorKind.UNDERCUT, s.competitor());
        assertEquals(1.0, s.undercutStep());
        assertEquals(30.0, s.initialCompetitorPrice());
        assertEquals(ShortageMode.LOST_SALES, s.mode());
        assertTrue(!s.capped());
        assertEquals(s, PricingScenario.named("b"));
    }

    @Test
    void namedScenariosDifferOnlyInModeAndFixedCost() {
        assertEquals(ShortageMode.BACKLOG, PricingScenario.named("a").mode());
        assertEquals(0.0, PricingScenario.named("a").fixedCost());
        assertEquals(ShortageMode.LOST_SALES, PricingScenario.named("B").mode());
        assertEquals(ShortageMode.BACKLOG, PricingScenario.named("c").mode());
        assertEquals(20.0, PricingScenario.named("c").fixedCost());
        assertEquals(ShortageMode.LOST_SALES, PricingScenario.named("d").mode());
        assertEquals(20.0, PricingScenario.named("d").fixedCost());
        assertEquals(PricingScenario.named("d"), PricingScenario.named("b").toBuilder().fixedCost(20).build());
        assertNotEquals(PricingScenario.named("a"), PricingScenario.named("b"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PricingScenario.named("e"));
        assertTrue(e.getMessage().contains("a, b, c, d"));
    }

    @Test
    void recordIsImmutable() {
        PricingScenario s = PricingScenario.defaults();
        s.prices()[0] = 99;
        s.initialPipeline()[0] = 5;
        assertEquals(10.0, s.price(0));
        assertEquals(0, s.initialPipeline()[0]);
    }

    private static void rejects(String field, String range, UnaryOperator<PricingScenarioBuilder> change) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> change.apply(PricingScenario.defaults().toBuilder()).build());
        assertTrue(e.getMessage().startsWith(field), "expected field " + field + " in: " + e.getMessage());
        assertTrue(e.getMessage().contains(range), "expected range " + range + " in: " + e.getMessage());
    }

    @Test
    void validationNamesTheFieldAndTheAllowedRange() {
        rejects("prices", "non-empty", b -> b.prices());
        rejects("prices", "non-empty", b -> b.prices((double[]) null));
        rejects("prices", "strictly increasing", b -> b.prices(10, 12, 12));
        rejects("prices", "strictly increasing", b -> b.prices(20, 10));
        rejects("prices[1]", "finite and > 0", b -> b.prices(10, Double.NaN));
        rejects("prices[0]", "finite and > 0", b -> b.prices(-1, 10));
        rejects("maxOrder", "[0, ", b -> b.maxOrder(-1));
        rejects("unitCost", ">= 0", b -> b.unitCost(-0.5));
        rejects("holdingCost", ">= 0", b -> b.holdingCost(Double.NaN));
        rejects("shortageCost", ">= 0", b -> b.shortageCost(-1));
        rejects("fixedCost", ">= 0", b -> b.fixedCost(Double.POSITIVE_INFINITY));
        rejects("leadTime", "[0, ", b -> b.leadTime(-1));
        rejects("horizon", "[1, ", b -> b.horizon(0));
        rejects("initialInventory", "[0, ", b -> b.initialInventory(-3));
        rejects("initialInventory", "[0, 5]", b -> b.inventoryCap(5).initialInventory(6));
        rejects("initialPipeline", "leadTime = 3", b -> b.initialPipeline(1, 2));
        rejects("initialPipeline[1]", "[0, 20]", b -> b.initialPipeline(0, 21, 0));
        rejects("marketSize", "> 0", b -> b.marketSize(0));
        rejects("periodLength", "> 0", b -> b.periodLength(Double.NaN));
        rejects("marketSize * periodLength", "(0, ", b -> b.marketSize(1e8).periodLength(100));
        rejects("betaIntercept", "finite", b -> b.betas(Double.NaN, 0, 0, 0, 0, 0));
        rejects("betaReference", "finite", b -> b.betas(0, 0, 0, 0, 0, Double.NEGATIVE_INFINITY));
        rejects("referenceWeight", "[0, 1]", b -> b.referenceWeight(1.5));
        rejects("referenceWeight", "[0, 1]", b -> b.referenceWeight(Double.NaN));
        rejects("initialReference", "> 0", b -> b.initialReference(0));
        rejects("competitor", "UNDERCUT, UNIFORM or FIXED", b -> b.competitor(null));
        rejects("undercutStep", ">= 0", b -> b.undercutStep(-1));
        rejects("initialCompetitorPrice", "> 0", b -> b.initialCompetitorPrice(-5));
        rejects("fixedCompetitorPrice", "> 0", b -> b.fixedCompetitorPrice(Double.NaN));
        rejects("mode", "LOST_SALES or BACKLOG", b -> b.mode(null));
        rejects("inventoryCap", "[0, ", b -> b.inventoryCap(-2));
    }

    @Test
    void backlogAllowsNegativeInitialNetInventory() {
        PricingScenario s = PricingScenario.named("a").toBuilder().initialInventory(-4).build();
        PricingEnv env = new PricingEnv(s);
        float[] o = env.reset(1);
        assertEquals(-4f, o[PricingObservation.INVENTORY]);
        assertEquals(4f, o[PricingObservation.LOST]);
    }
}
