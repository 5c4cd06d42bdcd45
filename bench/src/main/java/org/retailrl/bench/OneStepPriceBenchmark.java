package org.retailrl.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.retailrl.algorithms.heuristics.OneStepPrice;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.pricing.Demand;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * The strong heuristics' one-step pricing (docs/model.md §8.10): one {@link OneStepPrice#best} call
 * over the 21 grid prices of scenario (b) with the true demand, for {@value #STATES} states drawn
 * before the measurement (stock 0–39 on sale, a grid competitor price, a reference price across
 * the grid, the unit cost carried). The score is in decisions per second; the heuristic fits and
 * evaluations of {@code compare} make millions of these.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules", "jdk.incubator.vector"})
public class OneStepPriceBenchmark {
    static final int STATES = 1024;

    private OneStepPrice price;
    private int[] stock;
    private double[] competitor;
    private double[] reference;
    private double carried;
    private int last;

    @Setup(Level.Trial)
    public void setup() {
        PricingScenario s = PricingScenario.named("b");
        price = new OneStepPrice(s, new Demand(s)::rate);
        last = s.priceCount() - 1;
        carried = s.unitCost();
        Rng gen = new Rng(4);
        stock = new int[STATES];
        competitor = new double[STATES];
        reference = new double[STATES];
        for (int i = 0; i < STATES; i++) {
            stock[i] = gen.nextInt(40);
            competitor[i] = s.price(gen.nextInt(s.priceCount()));
            reference[i] = gen.uniform(s.price(0), s.price(last));
        }
    }

    /** {@value #STATES} pricing decisions; the score counts decisions. */
    @Benchmark
    @OperationsPerInvocation(STATES)
    public int best() {
        int acc = 0;
        for (int i = 0; i < STATES; i++) {
            acc += price.best(stock[i], competitor[i], reference[i], carried, 0, last);
        }
        return acc;
    }
}
