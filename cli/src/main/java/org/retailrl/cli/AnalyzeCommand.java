package org.retailrl.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.retailrl.analysis.ExactOptimizer;
import org.retailrl.analysis.ExactProfit;
import org.retailrl.analysis.GradientEstimators;
import org.retailrl.analysis.MseDecay;
import org.retailrl.analysis.ProfitParts;
import org.retailrl.analysis.ProfitSurfaceSvg;
import org.retailrl.analysis.SaTrace;
import org.retailrl.analysis.SinglePeriodModel;
import org.retailrl.analysis.StepSchedule;
import org.retailrl.analysis.TimescaleOrdering;
import org.retailrl.analysis.TwoTimescaleSA;
import org.retailrl.core.random.Rng;

/**
 * {@code retail analyze single-period}: the single-period problem of docs/model.md §2 — exact optimum,
 * points meeting conditions (15), LR/IPA estimator means and variances at the optimum, the
 * two-timescale stochastic approximation in both orderings with its distance to the optimum, the
 * measured MSE decay slope, and optionally an SVG of the profit surface with the SA paths.
 */
final class AnalyzeCommand implements Command {
    @Override
    public String name() {
        return "analyze";
    }

    @Override
    public String summary() {
        return "single-period theory: exact optimum, LR/IPA estimators, two-timescale SA";
    }

    @Override
    public String usage() {
        return """
                usage: retail analyze single-period [options]

                Model (defaults: docs/model.md §2 reading of Zheng, Li, Jiang and Peng Table 5):
                  --eta 800  --delta 0.5  --beta0 -4  --beta1 -0.01
                  --h 4  --b 10  --c 5  --x0 0  --p-lo 0  --p-hi 80  --y-lo 0  --y-hi 20
                Stochastic approximation:
                  --ordering both|price-fast|stock-fast (both)   --iterations 100000
                  --batch 4  --price-scale 20  --stock-scale 2  --fast-exp 0.6  --slow-exp 0.9
                  --offset 10  --p0 40  --y0 10  --no-baseline  --seed 1
                Estimators: --samples 100000 (demand draws at the optimum)
                MSE decay:  --mse-replications 32 (0 skips)  --mse-iterations 12800
                Output:     --svg FILE (profit surface with SA paths; written atomically)""";
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws IOException {
        List<String> pos = args.positional();
        if (pos.size() != 1 || !pos.get(0).equals("single-period")) {
            throw new UsageException("expected the subject 'single-period', got " + pos);
        }
        SinglePeriodModel d = SinglePeriodModel.tableFive();
        SinglePeriodModel m = new SinglePeriodModel(
                args.real("eta", d.eta(), 1e-9, 1e7), args.real("delta", d.delta(), 1e-9, 1e7),
                args.real("beta0", d.beta0(), -1e3, 1e3), args.real("beta1", d.beta1(), -1e3, 1e3),
                args.real("h", d.h(), 0, 1e9), args.real("b", d.b(), 0, 1e9), args.real("c", d.c(), 0, 1e9),
                args.real("x0", d.x0(), 0, 1e5), args.real("p-lo", d.pLo(), 0, 1e9),
                args.real("p-hi", d.pHi(), 0, 1e9), args.real("y-lo", d.yLo(), 0, 1e5),
                args.real("y-hi", d.yHi(), 0, 1e5));
        String ord = args.string("ordering", "both");
        List<TimescaleOrdering> orders = switch (ord) {
            case "both" -> List.of(TimescaleOrdering.PRICE_FAST, TimescaleOrdering.STOCK_FAST);
            case "price-fast" -> List.of(TimescaleOrdering.PRICE_FAST);
            case "stock-fast" -> List.of(TimescaleOrdering.STOCK_FAST);
            default -> throw new UsageException("--ordering must be both, price-fast or stock-fast, got '" + ord + "'");
        };
        long iterations = args.longValue("iterations", 100_000, 1, 1_000_000_000L);
        boolean baseline = !args.flag("no-baseline");
        int batch = args.integer("batch", 4, baseline ? 2 : 1, 1_000_000);
        double priceScale = args.real("price-scale", 20, 1e-12, 1e12);
        double stockScale = args.real("stock-scale", 2, 1e-12, 1e12);
        double fastExp = args.real("fast-exp", 0.6, 0, 1);
        double slowExp = args.real("slow-exp", 0.9, 0, 1);
        double offset = args.real("offset", 10, 1, 1e12);
        double p0 = args.real("p0", Math.min(m.pHi(), Math.max(m.pLo(), 40)), m.pLo(), m.pHi());
        double y0 = args.real("y0", Math.min(m.yHi(), Math.max(m.yMin(), 10)), m.yMin(), m.yHi());
        long seed = args.longValue("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        int samples = args.integer("samples", 100_000, 2, 100_000_000);
        int mseReps = args.integer("mse-replications", 32, 0, 100_000);
        long mseIterations = args.longValue("mse-iterations", 12_800, 800, 1_000_000_000L);
        String svg = args.string("svg", null);
        args.finish();

        out.println("model    " + m);
        ExactOptimizer.Optimum g = ExactOptimizer.global(m);
        ProfitParts at = ExactProfit.evaluate(m, g.p(), g.y());
        out.printf("optimum  p* = %.6f  y* = %s  pi* = %.6f  (lambda = %.4f, sales %.4f, leftover %.4f, lost %.4f)%n",
                g.p(), fmt(g.y()), g.profit(), at.lambda(), at.sales().value(), at.leftover().value(),
                at.lost().value());
        for (ExactOptimizer.Optimum s : ExactOptimizer.stationaryPoints(m)) {
            out.printf("  meets (15): p = %.6f  y = %s  pi = %.6f%n", s.p(), fmt(s.y()), s.profit());
        }

        Rng rng = new Rng(seed);
        double yMid = Math.min(m.yHi(), g.y() + 0.5) == g.y() ? g.y() - 0.5 : g.y() + 0.5;
        out.printf("estimators at (p*, y*) [LR] and (p*, y* %s 0.5) [IPA], %d draws each:%n",
                yMid > g.y() ? "+" : "-", samples);
        double exactDp = ExactProfit.dProfitDp(m, g.p(), g.y());
        GradientEstimators.Estimate lr = GradientEstimators.lr(m, g.p(), g.y(), samples, false, rng.split());
        GradientEstimators.Estimate lrb = GradientEstimators.lr(m, g.p(), g.y(), samples, true, rng.split());
        out.printf("  LR dpi/dp           mean %.6f  var %.4f  (exact %.6f, exact var %.4f)%n", lr.mean(),
                lr.sampleVariance(), exactDp, GradientEstimators.exactLrVariance(m, g.p(), g.y(), 0, 1e-9));
        out.printf("  LR + LOO baseline   mean %.6f  var %.4f  (var with constant baseline pi: %.4f)%n", lrb.mean(),
                lrb.sampleVariance(), GradientEstimators.exactLrVariance(m, g.p(), g.y(), g.profit(), 1e-9));
        GradientEstimators.Estimate ipa = GradientEstimators.ipa(m, g.p(), yMid, samples, rng.split());
        ProfitParts mid = ExactProfit.evaluate(m, g.p(), yMid);
        out.printf("  IPA dpi/dy          mean %.6f  var %.4f  (exact %.6f, exact var %.4f)%n", ipa.mean(),
                ipa.sampleVariance(), mid.slopeRight(), GradientEstimators.exactIpaVariance(m, g.p(), yMid));

        List<ProfitSurfaceSvg.Path> paths = new java.util.ArrayList<>();
        String[] colours = {"#e41a1c", "#00c8ff"};
        for (TimescaleOrdering o : orders) {
            StepSchedule s = new StepSchedule(o, priceScale, stockScale, fastExp, slowExp, offset);
            SaTrace tr = TwoTimescaleSA.run(m, s, p0, y0, iterations, batch, baseline,
                    (int) Math.max(1, iterations / 2000), seed + o.ordinal() + 1);
            double dist = Math.hypot(tr.finalPrice() - g.p(), tr.finalStock() - g.y());
            ExactOptimizer.Optimum near = nearest(m, tr.finalPrice(), tr.finalStock());
            out.printf("SA %-10s end p = %.4f  y = %.4f  pi = %.4f  |x - x*| = %.4f  nearest (15) point (%.4f, %s) at %.4f%n",
                    o, tr.finalPrice(), tr.finalStock(), ExactProfit.profit(m, tr.finalPrice(), tr.finalStock()), dist,
                    near.p(), fmt(near.y()), Math.hypot(tr.finalPrice() - near.p(), tr.finalStock() - near.y()));
            paths.add(new ProfitSurfaceSvg.Path(o.toString(), colours[o.ordinal()], tr));
            if (mseReps >= 2) {
                MseDecay.Result r = MseDecay.measure(m, s, p0, y0, mseIterations, batch,
                        (int) Math.max(1, mseIterations / 256), mseIterations / 32, mseReps, seed * 1000 + 7);
                out.printf("   MSE decay (%d runs, n = %d..%d): log-log slope of MSE-to-limit vs slow step %.3f,"
                        + " vs fast step %.3f; of the fast iterate's tracking MSE vs slow step %.3f, vs fast step %.3f%n",
                        mseReps, r.checkpoint()[0], r.checkpoint()[r.checkpoint().length - 1], r.limitSlopeVsSlow(),
                        r.limitSlopeVsFast(), r.trackingSlopeVsSlow(), r.trackingSlopeVsFast());
            }
        }
        if (svg != null) {
            writeAtomically(Path.of(svg),
                    ProfitSurfaceSvg.render(m, 104, 64, paths.toArray(new ProfitSurfaceSvg.Path[0])));
            out.println("svg      " + svg);
        }
        return 0;
    }

    private static ExactOptimizer.Optimum nearest(SinglePeriodModel m, double p, double y) {
        ExactOptimizer.Optimum best = null;
        double bd = Double.POSITIVE_INFINITY;
        for (ExactOptimizer.Optimum o : ExactOptimizer.stationaryPoints(m)) {
            double dd = Math.hypot(o.p() - p, o.y() - y);
            if (dd < bd) {
                bd = dd;
                best = o;
            }
        }
        return best;
    }

    private static String fmt(double y) {
        return y == Math.rint(y) ? Long.toString((long) y) : String.format(java.util.Locale.ROOT, "%.4f", y);
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, abs.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
