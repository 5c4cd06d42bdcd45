package org.retailrl.cli.demand;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.retailrl.core.random.Rng;

/**
 * Synthetic weekly scanner data in the Dominick's orange-juice layout (quoted header as R writes
 * it): {@code stores} stores × 3 brands × weeks 40..(40+weeks-1), log sales with own-price
 * elasticity −3, cross elasticity +1 on the mean competitor price, a deal effect, a store-brand
 * level and an AR(1) component, so lags carry information. Public for the fleet module's tests
 * (the cli test-jar).
 */
public final class OjFixture {
    public static final int BRANDS = 3;

    private OjFixture() {
    }

    public static Path write(Path dir, String name, int stores, int weeks, long seed, boolean gzip) throws IOException {
        Rng rng = new Rng(seed);
        StringBuilder sb = new StringBuilder("\"store\",\"brand\",\"week\",\"logmove\",\"constant\"");
        for (int b = 1; b <= BRANDS; b++) {
            sb.append(",\"price").append(b).append('"');
        }
        sb.append(",\"deal\",\"feat\",\"profit\"\n");
        double[] base = {0.05, 0.04, 0.03};
        for (int s = 0; s < stores; s++) {
            int store = 2 + 3 * s;
            double[][] price = new double[weeks][BRANDS];
            int[][] deal = new int[weeks][BRANDS];
            for (int w = 0; w < weeks; w++) {
                for (int b = 0; b < BRANDS; b++) {
                    deal[w][b] = rng.nextDouble() < 0.25 ? 1 : 0;
                    price[w][b] = base[b] * (deal[w][b] == 1 ? 0.8 : 1.0) * Math.exp(0.05 * rng.normal());
                }
            }
            for (int b = 0; b < BRANDS; b++) {
                double level = 9 + 0.3 * s - 0.4 * b;
                double ar = 0;
                for (int w = 0; w < weeks; w++) {
                    ar = 0.7 * ar + 0.15 * rng.normal();
                    double comp = 0;
                    for (int j = 0; j < BRANDS; j++) {
                        comp += j != b ? price[w][j] / (BRANDS - 1) : 0;
                    }
                    double logmove = level - 3 * Math.log(price[w][b] / base[b]) + Math.log(comp / 0.04)
                            + 0.4 * deal[w][b] + ar + 0.1 * rng.normal();
                    if (rng.nextDouble() < 0.03) {
                        continue; // a missing store-week, as in the real data
                    }
                    sb.append(String.format(Locale.ROOT, "%d,%d,%d,%.6f,1", store, b + 1, 40 + w, logmove));
                    for (int j = 0; j < BRANDS; j++) {
                        sb.append(String.format(Locale.ROOT, ",%.7f", price[w][j]));
                    }
                    sb.append(String.format(Locale.ROOT, ",%d,%d,%.3f%n", deal[w][b], 0, 30 + rng.normal()));
                }
            }
        }
        Path p = dir.resolve(name);
        try (OutputStream o = Files.newOutputStream(p);
                OutputStream z = gzip ? new GZIPOutputStream(o) : o;
                Writer w = new OutputStreamWriter(z, StandardCharsets.UTF_8)) {
            w.write(sb.toString());
        }
        return p;
    }

    /** A stores file for {@link #write}'s stores: STORE plus two demographics. */
    public static Path stores(Path dir, int stores) throws IOException {
        StringBuilder sb = new StringBuilder("\"STORE\",\"INCOME\",\"AGE60\"\n");
        for (int s = 0; s < stores; s++) {
            sb.append(String.format(Locale.ROOT, "%d,%.3f,%.3f%n", 2 + 3 * s, 10 + 0.1 * s, 0.2 + 0.01 * s));
        }
        Path p = dir.resolve("stores.csv");
        Files.writeString(p, sb.toString());
        return p;
    }
}
