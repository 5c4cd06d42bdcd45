package org.retailrl.algorithms.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.algorithms.rl.LearnerConfig.AgentSchedule;

/** {@link LearnerConfig} as JSON (docs/model.md §8.13): round trips, partial overrides, errors naming the member path. */
class LearnerConfigJsonTest {
    private static void refused(String json, LearnerConfig base, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LearnerConfigJson.parse(json, base));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + e.getMessage() + "' should contain '" + p + "'");
        }
    }

    @Test
    void everyPresetSurvivesARoundTripOverAnyBase() {
        for (Map.Entry<String, LearnerConfig> p : Presets.all().entrySet()) {
            String text = LearnerConfigJson.write(p.getValue());
            // Over a base that differs in every agent count and scheme, so nothing comes from the base.
            LearnerConfig base = p.getValue().agentCount() == 1 ? Presets.FSDA_TWO_TIMESCALE : Presets.CLEANRL_PPO;
            assertEquals(p.getValue(), LearnerConfigJson.parse(text, base), p.getKey() + ": " + text);
        }
        String text = LearnerConfigJson.write(Presets.FSDA);
        // Enums are written in lower case; the infinite Huber δ of CleanRL's critic as a string.
        assertTrue(text.contains("\"happo\"") && text.contains("\"logarithmic\"") && text.contains("\"linear\""), text);
        assertTrue(LearnerConfigJson.write(Presets.CLEANRL_PPO).contains("\"Infinity\""));
    }

    @Test
    void aFileChangesOnlyTheMembersItGives() {
        LearnerConfig c = LearnerConfigJson.parse("{\"entCoef\": 0.02, \"critic\": {\"huberDelta\": 5}}", Presets.FSDA);
        assertEquals(0.02, c.entCoef());
        assertEquals(5.0, c.critic().huberDelta());
        assertEquals(Presets.FSDA.critic().stepSize(), c.critic().stepSize());
        assertEquals(Presets.FSDA.agents(), c.agents());
        assertEquals(Presets.FSDA.sequenceLength(), c.sequenceLength());
        // An array element overrides the base's element at its index member by member.
        LearnerConfig slow = LearnerConfigJson.parse(
                "{\"agents\": [{}, {\"period\": {\"kind\": \"every\", \"k\": 3}}]}", Presets.FSDA);
        assertEquals(List.of(Presets.FSDA.agents().get(0),
                new AgentSchedule(StepSize.linear(2e-3), UpdatePeriod.every(3))), slow.agents());
        // "preset" picks the base; the remaining members apply over it.
        LearnerConfig m = LearnerConfigJson.parse("{\"preset\": \"mtma\", \"epochs\": 2}", Presets.CLEANRL_PPO);
        assertEquals(Presets.MTMA.withUpdates(2, Presets.MTMA.minibatches()), m);
        assertEquals(Presets.FSDA, LearnerConfigJson.parse("{}", Presets.FSDA));
    }

    @Test
    void aNewAgentMayLeaveOutWhatItsKindsIgnore() {
        LearnerConfig c = LearnerConfigJson.parse("{\"agents\": [{}, {}, {\"stepSize\": {\"kind\": \"constant\", "
                + "\"initial\": 1e-3}, \"period\": {\"kind\": \"logarithmic\"}}]}", Presets.FSDA);
        assertEquals(3, c.agentCount());
        assertEquals(new LearnerConfig.AgentSchedule(StepSize.constant(1e-3), UpdatePeriod.logarithmic()),
                c.agents().get(2));
    }

    @Test
    void badMembersAreRefusedNamingTheirPathAndRange() {
        LearnerConfig f = Presets.FSDA;
        refused("{\"gamma\": 1.5}", f, "gamma", "[0, 1]", "1.5");
        refused("{\"epochs\": 0}", f, "epochs must be >= 1");
        refused("{\"agents\": [{}, {\"stepSize\": {\"kind\": \"polynomial\", \"exponent\": 3}}]}", f,
                "agents[1].stepSize.exponent", "(0, 2]");
        // An element beyond the base's agents has no base to fill from: every member must be given.
        refused("{\"agents\": [{}, {}, {\"stepSize\": {\"kind\": \"constant\", \"initial\": 1e-3, "
                + "\"exponent\": 0, \"offset\": 1}}]}", f, "agents[2].period", "missing");
        // Members the kind ignores may be left out of a new element: a constant step size needs no
        // exponent or offset (the period is still missing here), a logarithmic period no k.
        refused("{\"agents\": [{}, {}, {\"stepSize\": {\"kind\": \"constant\", \"initial\": 1e-3}}]}", f,
                "agents[2].period", "missing");
        refused("{\"agents\": [{}, {}, {\"stepSize\": {\"kind\": \"polynomial\", \"initial\": 1e-3}}]}", f,
                "agents[2].stepSize", "exponent must be in (0, 2]");
        refused("{\"critic\": {\"huberDelta\": -1}}", f, "critic.huberDelta", "> 0");
        refused("{\"critic\": {\"bogus\": 1}}", f, "critic.bogus", "unknown member", "huberDelta");
        refused("{\"entCoeff\": 0.1}", f, "entCoeff", "unknown member", "entCoef");
        refused("{\"hidden\": 1.5}", f, "hidden", "integer");
        refused("{\"hidden\": \"64\"}", f, "hidden", "integer");
        refused("{\"gamma\": \"high\"}", f, "gamma", "number");
        refused("{\"normAdvantages\": 1}", f, "normAdvantages", "true or false");
        refused("{\"update\": \"sgd\"}", f, "update", "ppo, mappo, happo", "'sgd'");
        refused("{\"agents\": {}}", f, "agents", "array");
        refused("{\"critic\": 3}", f, "critic", "object");
        refused("{\"agents\": [{\"period\": {\"kind\": \"every\", \"k\": 0}}]}", f, "agents[0].period.k", ">= 1");
        refused("{\"preset\": \"fdsa\"}", f, "preset", "'fdsa'", "fsda-two-timescale");
        refused("{\"preset\": 3}", f, "preset", "string");
        // Cross-field rules of the record itself still hold.
        refused("{\"preset\": \"cleanrl-ppo\", \"critic\": {\"stepSize\": {\"initial\": 1e-3}}}", f, "critic.stepSize",
                "agents[0].stepSize");
    }

    @Test
    void aFileIsReadAndItsErrorsNameIt(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("learner.json");
        Files.writeString(good, "{\"preset\": \"happo\", \"clip\": 0.1}");
        LearnerConfig c = LearnerConfigJson.read(good, Presets.CLEANRL_PPO);
        assertEquals(0.1, c.clip());
        assertEquals(Presets.HAPPO.agents(), c.agents());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"clip\": 0}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LearnerConfigJson.read(bad, Presets.HAPPO));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("clip"), e.getMessage());
    }
}
