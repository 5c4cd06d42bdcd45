package org.retailrl.examples.embed;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.retailrl.runtime.Decision;
import org.retailrl.runtime.DecisionConstraints;
import org.retailrl.runtime.InputField;
import org.retailrl.runtime.PolicyMetadata;
import org.retailrl.runtime.PricingPolicy;
import org.retailrl.runtime.StoreObservation;

/**
 * Loads a policy file written by {@code retail train} and prints its provenance and a week of
 * decisions for three stores (docs/model.md §1 decisions of the §8.1 actors): one store decided
 * alone from a named observation, all three in one batch call, and one under business constraints.
 * Usage: {@code java -p <this jar>:<retailrl-runtime jar> -m org.retailrl.examples.embed/org.retailrl.examples.embed.Main FILE}.
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs the example.
     *
     * @param args the policy file
     * @throws Exception when the file cannot be read or is not a servable policy
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: Main POLICY_FILE");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        PolicyMetadata meta = PolicyMetadata.read(file);              // the header only, no weights
        System.out.println("policy " + meta.kind() + ", format " + meta.formatVersion() + ", model "
                + meta.modelId().orElse("?") + ", library " + meta.libraryVersion().orElse("?") + ", seed "
                + (meta.trainingSeed().isPresent() ? meta.trainingSeed().getAsLong() : "?") + ", scenario "
                + meta.scenarioName().orElse("?") + ", created " + meta.created().map(Object::toString).orElse("?"));
        PricingPolicy policy = PricingPolicy.load(file);
        System.out.println("kernel " + PricingPolicy.kernel() + "; prices " + Arrays.toString(policy.prices())
                + "; Q = " + policy.maxOrder() + ", L = " + policy.leadTime() + ", T = " + policy.horizon());
        for (InputField f : policy.inputFields()) {
            System.out.println("  input " + f.index() + " " + f.name() + " (" + f.unit() + ")");
        }
        int stores = 3;
        PricingPolicy.Session[] sessions = new PricingPolicy.Session[stores];
        for (int k = 0; k < stores; k++) {
            sessions[k] = policy.newSession();
        }
        PricingPolicy.Session alone = policy.newSession();
        PricingPolicy.Session ruled = policy.newSession();
        double[] prices = policy.prices();
        DecisionConstraints rules = DecisionConstraints.NONE.withPriceFloor(prices[prices.length / 2])
                .withMaxOrder(policy.maxOrder() / 2);
        double inventory = policy.maxOrder();
        for (int t = 0; t < Math.min(7, policy.horizon()); t++) {
            float[][] obs = new float[stores][];
            for (int k = 0; k < stores; k++) {
                obs[k] = observation(policy, inventory + 3 * k, t).toArray();
            }
            Decision[] batch = policy.decide(sessions, obs, t, DecisionConstraints.NONE);
            Decision single = policy.decide(alone, observation(policy, inventory, t), t, DecisionConstraints.NONE);
            Decision constrained = policy.decide(ruled, obs[0], t, rules);
            if (!single.equals(batch[0])) {
                throw new AssertionError("a batch decides as single calls");
            }
            double[] p = single.probabilities(0);
            System.out.printf(Locale.ROOT, "t=%d decisions %s | P(chosen price)=%.3f | with %s: price %.2f order %d%n", t,
                    Arrays.toString(batch), p[single.actors() == 1
                            ? single.priceIndex() * (policy.maxOrder() + 1) + single.order() : single.priceIndex()],
                    rules, constrained.price(), constrained.order());
            inventory = Math.max(0, inventory + single.order() - 4);
        }
    }

    /** A plausible store state: the given inventory, steady demand, prices in the middle of the grid. */
    private static StoreObservation observation(PricingPolicy policy, double inventory, int t) {
        double[] prices = policy.prices();
        double mid = prices[prices.length / 2];
        return new StoreObservation(inventory, 0, 4 + t % 3, mid, mid, mid, new double[policy.leadTime()]);
    }
}
