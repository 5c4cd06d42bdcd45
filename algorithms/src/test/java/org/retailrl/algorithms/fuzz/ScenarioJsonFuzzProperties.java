package org.retailrl.algorithms.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.pricing.PricingScenarioJson;

/**
 * Damaged and hostile scenario JSON (docs/model.md §1 parameters) against
 * {@link PricingScenarioJson#parse}: random truncations, flipped bits, and every number replaced
 * by extreme values. Each case gives a scenario — which then writes and reads back as itself — or
 * an {@link IllegalArgumentException} naming the problem, within a second, allocating at most a
 * small multiple of the text ({@link Untrusted}).
 */
class ScenarioJsonFuzzProperties {
    private static final byte[] TEXT = PricingScenarioJson.write(PricingScenario.named("b")).getBytes(StandardCharsets.UTF_8);
    private static final String[] EXTREME = {"1e308", "-1e308", "1e9", "2147483648", "-1", "0", "1e-320", "123456789012345678901234567890"};

    static {
        PricingScenarioJson.parse(new String(TEXT, StandardCharsets.UTF_8));
    }

    private static boolean check(String what, byte[] bytes) {
        Untrusted.Outcome<PricingScenario> o = Untrusted.attempt(what, bytes,
                b -> PricingScenarioJson.parse(new String(b, StandardCharsets.UTF_8)),
                List.of(IllegalArgumentException.class));
        if (o.loaded()) {
            assertEquals(o.value(), PricingScenarioJson.parse(PricingScenarioJson.write(o.value())), what);
        }
        return o.loaded();
    }

    @Property(tries = 60)
    void truncatedTextIsRefused(@ForAll @IntRange(min = 0, max = 1_000_000) int cut) {
        int n = cut % TEXT.length;
        // A cut that leaves a complete object cannot happen before the closing brace.
        assertFalse(check("cut to " + n + " bytes", Untrusted.truncate(TEXT, n)));
    }

    @Property(tries = 100)
    void flippedBitsGiveAValidScenarioOrAClearRefusal(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int bit) {
        int at = bit % (8 * TEXT.length);
        check("bit " + at + " flipped", Untrusted.flip(TEXT, at));
    }

    /** Every number of the scenario set to every extreme value (exhaustive). */
    @Test
    void extremeNumbersGiveAValidScenarioOrAClearRefusal() {
        String text = new String(TEXT, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("-?[0-9][0-9.eE+-]*").matcher(text);
        List<int[]> numbers = new ArrayList<>();
        while (m.find()) {
            numbers.add(new int[] {m.start(), m.end()});
        }
        for (int[] n : numbers) {
            for (String v : EXTREME) {
                String damaged = text.substring(0, n[0]) + v + text.substring(n[1]);
                check("number at " + n[0] + " = " + v, damaged.getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
