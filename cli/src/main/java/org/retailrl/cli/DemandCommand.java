package org.retailrl.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.retailrl.cli.demand.DemandFit;
import org.retailrl.cli.demand.DemandReport;
import org.retailrl.cli.demand.DemandScenario;
import org.retailrl.cli.demand.SimilarProducts;
import org.retailrl.envs.demand.ScannerTreeDemand;
import org.retailrl.envs.gbdt.GbdtConfig;
import org.retailrl.envs.gbdt.GbdtModel;
import org.retailrl.envs.gbdt.GbdtModelFile;
import org.retailrl.envs.gbdt.Objective;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.pricing.PricingScenarioJson;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * {@code retail demand}: {@code fit} fits the gradient-boosted demand model of docs/model.md §5 to a
 * CSV file, compares it on a holdout with a per-series mean and a log-log price regression, and
 * writes the model, scores and charts into a report folder ({@link DemandFit}, {@link DemandReport});
 * {@code scenario} builds a data-driven pricing scenario for one store and brand (§5.4,
 * {@link DemandScenario}), fitting the model first unless one is given; {@code similar} ranks
 * store–brand triples by the cosine similarity of their weekly sales ({@link SimilarProducts}).
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
                       retail demand scenario --data FILE --store S --brand B --out scenario.json [options]
                       retail demand similar --data FILE [--top 10]

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
                  --threads <cores>  --seed 1

                scenario: a data-driven single-product pricing scenario (docs/model.md §5.4) for store S and
                brand B of scanner data with columns logmove and profit (Dominick's layout):
                  --model FILE         a model from `demand fit` (target logmove) to reuse; without it the
                                       model is fitted here with the fit defaults above (categorical store,
                                       brand) and saved as <out without .json>.gbdt
                  --stores FILE        and --split COL<=VALUE: as the model was fitted (relprice, demographics)
                  --lot-demand 4       mean weekly sales in simulated lots (sets units per lot)
                  --prices 21          price-grid points over the observed own-price range
                  --horizon 52         weeks per episode (each episode replays that many weeks)
                  --fixed-cost 0       fixed cost per order, dollars
                  --mode lost_sales|backlog   (lost_sales)
                  --ounces N           ounces per unit (default: Dominick's orange-juice package sizes)

                similar: store-brand triples with the most similar weekly unit sales (smallest pairwise cosine
                similarity within the triple, over products with every week present), best first.""";
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        List<String> pos = args.positional();
        String action = pos.size() == 1 ? pos.get(0) : "";
        return switch (action) {
            case "fit" -> fit(args, out, err);
            case "scenario" -> scenario(args, out, err);
            case "similar" -> similar(args, out);
            default -> throw new UsageException("expected one action, fit, scenario or similar, got " + pos);
        };
    }

    /** The learner settings of the fit options (defaults: the fit defaults of the usage text). */
    private static GbdtConfig config(Args args, Objective objective) {
        int cores = Runtime.getRuntime().availableProcessors();
        return GbdtConfig.defaults().toBuilder()
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
    }

    private int fit(Args args, PrintStream out, PrintStream err) throws Exception {
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
        GbdtConfig cfg = config(args, objective);
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

    private int scenario(Args args, PrintStream out, PrintStream err) throws Exception {
        String data = args.string("data", null);
        String outFile = args.string("out", null);
        if (data == null || outFile == null) {
            throw new UsageException("--data and --out are required");
        }
        int store = args.integer("store", -1, 0, Integer.MAX_VALUE);
        int brand = args.integer("brand", -1, 1, 10_000);
        if (store < 0 || brand < 0) {
            throw new UsageException("--store and --brand are required");
        }
        String modelArg = args.string("model", null);
        String stores = args.string("stores", null);
        String split = args.string("split", null);
        String mode = args.string("mode", "lost_sales");
        ShortageMode shortage = switch (mode) {
            case "lost_sales" -> ShortageMode.LOST_SALES;
            case "backlog" -> ShortageMode.BACKLOG;
            default -> throw new UsageException("--mode must be lost_sales or backlog, got '" + mode + "'");
        };
        DemandScenario.Options o = new DemandScenario.Options(Path.of(data), stores == null ? null : Path.of(stores),
                split, store, brand, args.real("ounces", Double.NaN, 1e-9, 1e9),
                args.real("lot-demand", 4, 0.5, 1000), args.integer("prices", 21, 2, 1000),
                args.integer("horizon", 52, 1, 100_000), args.real("fixed-cost", 0, 0, 1e12), shortage);
        GbdtConfig cfg = config(args, Objective.L2);
        args.finish();
        Path outPath = Path.of(outFile);
        Path modelPath;
        GbdtModel model;
        if (modelArg != null) {
            modelPath = Path.of(modelArg);
            model = GbdtModelFile.load(modelPath);
        } else {
            String name = outPath.getFileName().toString();
            modelPath = outPath.resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name)
                    + ".gbdt");
            err.println("fitting the demand model (target logmove, categorical store, brand) ...");
            DemandFit.Result r = DemandFit.run(new DemandFit.Options(Path.of(data), "logmove", null,
                    List.of("store", "brand"), Objective.L2, split, o.stores(), cfg), err);
            model = r.model();
            if (outPath.toAbsolutePath().getParent() != null) {
                Files.createDirectories(outPath.toAbsolutePath().getParent());
            }
            GbdtModelFile.save(model, modelPath);
            out.println("model     " + modelPath + " (" + model.numTrees() + " trees)");
        }
        PricingScenario sc = DemandScenario.build(o, model, modelPath);
        PricingScenarioJson.save(outPath, sc);
        ScannerTreeDemand d = (ScannerTreeDemand) sc.demandModel();
        ScannerTreeDemand.Product p = d.product();
        out.printf(Locale.ROOT, "product   store %d, brand %d: weeks %d..%d (%d), %s oz per unit, %s units per lot%n",
                p.store(), p.brand(), p.weeks()[0], p.weeks()[p.size() - 1], p.size(), num(p.ouncesPerUnit()),
                num(p.unitsPerLot()));
        out.printf(Locale.ROOT, "prices    %d per lot, %.2f..%.2f (%.2f..%.2f per unit)%n", sc.priceCount(),
                sc.minPrice(), sc.maxPrice(), sc.minPrice() / p.unitsPerLot(), sc.maxPrice() / p.unitsPerLot());
        out.printf(Locale.ROOT, "costs     per lot: unit %.2f (mean margin %.1f%%), holding %.2f and shortage %.2f a week;"
                + " fixed %.2f per order%n", sc.unitCost(), p.marginPercent(), sc.holdingCost(), sc.shortageCost(),
                sc.fixedCost());
        out.printf(Locale.ROOT, "episode   %d weeks replayed from a random start week, lead time %d, orders 0..%d lots, %s%n",
                sc.horizon(), sc.leadTime(), sc.maxOrder(), mode);
        out.println("scenario  " + outPath);
        return 0;
    }

    private int similar(Args args, PrintStream out) throws Exception {
        String data = args.string("data", null);
        if (data == null) {
            throw new UsageException("--data is required");
        }
        int top = args.integer("top", 10, 1, 1_000_000);
        args.finish();
        out.println("store  brands     min cosine  pairwise (b1,b2) (b1,b3) (b2,b3)");
        for (SimilarProducts.Triple t : SimilarProducts.rank(Path.of(data), top)) {
            out.printf(Locale.ROOT, "%5d  %2d,%2d,%2d   %.4f      %.4f %.4f %.4f%n", t.store(), t.brands()[0],
                    t.brands()[1], t.brands()[2], t.score(), t.pairs()[0], t.pairs()[1], t.pairs()[2]);
        }
        return 0;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
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
