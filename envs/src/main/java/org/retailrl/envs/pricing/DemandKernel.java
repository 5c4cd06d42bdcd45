package org.retailrl.envs.pricing;

import org.retailrl.core.random.PoissonSampler;

/**
 * The demand draw of one period for a whole batch (docs/model.md §1 step 3): for each copy {@code i < n},
 * {@code out[i] = Poisson(λ(prices[priceIndex[i]], o[i], r[i]))} drawn from raw stream {@code i} as
 * {@link PoissonSampler} defines it. Implementations must agree to the bit; the scalar one is the
 * reference, the Vector API one ({@code PanamaDemandKernel}) is used only when
 * {@code jdk.incubator.vector} is present, the preferred vector shape is 512 bits and
 * {@code -Dretailrl.simd} is not {@code scalar}.
 */
interface DemandKernel {
    /** {@code "scalar"} or {@code "vector-<bits>"}. */
    String name();

    void draw(Demand demand, double[] prices, int[] priceIndex, double[] o, double[] r, long[] seed,
            long[] gamma, double[] out, int n);

    /**
     * Plays the rest of the period (docs/model.md §1 steps 1, 2 and 4: arrival, sales, reward, reference
     * price, competitor) for a prefix of {@code b}'s copies after {@link #draw} filled
     * {@code b.drawn} from the same {@code priceIndex} (the kernel may keep what it gathered
     * there), exactly as {@code PricingBatch}'s per-copy code would, writing each reward to
     * {@code floats} or {@code doubles} (whichever is not null); returns how many copies it
     * settled, and the batch settles the rest itself. The scalar kernel settles none.
     */
    default int settle(PricingBatch b, int[] priceIndex, int[] orderQty, float[] floats, double[] doubles) {
        return 0;
    }

    /** The implementation to use in this JVM. */
    static DemandKernel select() {
        String mode = System.getProperty("retailrl.simd", "auto");
        if (mode.equals("scalar") || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return new ScalarDemandKernel();
        }
        try {
            // Loaded by name so that nothing else in this module links against the incubator module.
            Class<?> c = Class.forName("org.retailrl.envs.pricing.PanamaDemandKernel");
            DemandKernel k = (DemandKernel) c.getDeclaredConstructor().newInstance();
            // The lanes convert between long and double (uniforms, 2^k scaling); HotSpot compiles
            // those lane conversions only with AVX-512DQ, elsewhere they run boxed and far slower
            // than the scalar twin. Results are bit-identical either way, so only speed depends on this.
            return k.name().equals("vector-512") ? k : new ScalarDemandKernel();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return new ScalarDemandKernel();
        }
    }
}
