package org.retailrl.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.retailrl.cli.demand.DemandFit;
import org.retailrl.cli.demand.DemandReport;
import org.retailrl.envs.gbdt.GbdtConfig;
import org.retailrl.envs.gbdt.Objective;

/**
 * {@code retail demand fit}: fits the gradient-boosted demand model of docs/model.md §5 to a CSV file,
 * compares it on a holdout with a per-series mean and a log-log price regression, and writes the
 * model, scores and charts into a report folder ({@link DemandFit}, {@link DemandReport}).
 */
final class DemandCommand implements Command {
    @Override
    public String name() {
        return "demand";
    }

    @Override
    public String summary() {
        return "fit gradient-boosted trees to sales data; holdout scores beside two baselines";
    }

    @Override
    public String usage() {
        return """
                usage: retail demand fit --data FILE --target COL [options]

                  --data FILE          CSV with a header line (gzip accepted)
                  --target COL         column to predict (e.g. logmove)
                  --features a,b,c     feature columns (default: the scanner-data features when the data
                                       has columns store, brand, week, price1.., deal, feat; else every
                                       column but the target)
                  --categorical c1,c2  columns that are category codes (added to the features)
                  --objective l2|poisson   (l2)
                  --split COL<=VALUE   rows with COL <= VALUE train, the rest test
                                       (default: the first 80% of the weeks/dates train)
                  --stores FILE        store demographics to join on STORE (scanner data)
                  --out DIR            report folder (default runs/demand-<time>)
                Learner (LightGBM-style; early stopping on the last 15% of the training weeks):
                  --trees 3000 (most)  --learning-rate 0.05  --leaves 63  --min-data 20
                  --lambda 1  --feature-fraction 0.8  --row-fraction 1  --early-stopping 100
                  --threads <cores>  --seed 1""";
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        List<String> pos = args.positional();
        if (pos.size() != 1 || !pos.get(0).equals("fit")) {
            throw new UsageException("expected the action 'fit', got " + pos);
        }
        String data = args.string("data", null);
        String target = args.string("target", null);
        if (data == null || target == null) {
            throw new UsageException("--data and --target are required");
        }
        List<String> features = list(args.string("features", null));
        List<String> categorical = list(args.string("categorical", null));
        String obj = args.string("objective", "l2");
        Objective objective = switch (obj) {
            case "l2" -> Objective.L2;
            case "poisson" -> Objective.POISSON;
            default -> throw new UsageException("--objective must be l2 or poisson, got '" + obj + "'");
        };
        String split = args.string("split", null);
        String stores = args.string("stores", null);
        String outDir = args.string("out", "runs/demand-" + TrainCommand.timestamp());
        int cores = Runtime.getRuntime().availableProcessors();
        GbdtConfig cfg = GbdtConfig.defaults().toBuilder()
                .objective(objective)
                .numTrees(args.integer("trees", 3000, 1, 1_000_000))
                .learningRate(args.real("learning-rate", 0.05, 1e-6, 1))
                .numLeaves(args.integer("leaves", 63, 2, 65_536))
                .minDataInLeaf(args.integer("min-data", 20, 1, Integer.MAX_VALUE))
                .lambda(args.real("lambda", 1, 0, 1e12))
                .featureSubsample(args.real("feature-fraction", 0.8, 1e-6, 1))
                .rowSubsample(args.real("row-fraction", 1, 1e-6, 1))
                .earlyStoppingRounds(args.integer("early-stopping", 100, 0, 1_000_000))
                .threads(args.integer("threads", Math.min(cores, 64), 1, 1024))
                .seed(args.longValue("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE))
                .build();
        args.finish();

        long t0 = System.nanoTime();
        DemandFit.Result r = DemandFit.run(new DemandFit.Options(Path.of(data), target,
                features.isEmpty() ? null : features, categorical, objective, split,
                stores == null ? null : Path.of(stores), cfg), err);
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.println("data      " + data + (r.scanner() ? "  (scanner layout: engineered features on)" : ""));
        out.println("split     " + r.split());
        if (r.droppedRows() > 0) {
            out.println("dropped   " + r.droppedRows() + " rows without a value in '" + target + "'");
        }
        out.println("features  " + r.features().size() + ": " + String.join(", ", r.features()));
        out.println();
        out.println("holdout (" + r.testRows() + " rows), target " + target + ":");
        for (String line : DemandReport.table(r)) {
            out.println("  " + line);
        }
        Path dir = Path.of(outDir);
        DemandReport.write(dir, r, target, "retail demand fit " + String.join(" ", argsLine(data, target, features,
                categorical, obj, split, stores)));
        out.printf(Locale.ROOT, "%nfit in %.1f s; report in %s%n", seconds, dir);
        return 0;
    }

    private static List<String> argsLine(String data, String target, List<String> features, List<String> categorical,
            String obj, String split, String stores) {
        List<String> a = new ArrayList<>(List.of("--data", Path.of(data).getFileName().toString(), "--target", target));
        if (!features.isEmpty()) {
            a.add("--features " + String.join(",", features));
        }
        if (!categorical.isEmpty()) {
            a.add("--categorical " + String.join(",", categorical));
        }
        a.add("--objective " + obj);
        if (split != null) {
            a.add("--split " + split);
        }
        if (stores != null) {
            a.add("--stores " + Path.of(stores).getFileName());
        }
        return a;
    }

    private static List<String> list(String csv) {
        List<String> out = new ArrayList<>();
        if (csv == null) {
            return out;
        }
        for (String s : csv.split(",")) {
            String t = s.trim();
            if (t.isEmpty()) {
                throw new UsageException("empty column name in list '" + csv + "'");
            }
            out.add(t);
        }
        return out;
    }
}
