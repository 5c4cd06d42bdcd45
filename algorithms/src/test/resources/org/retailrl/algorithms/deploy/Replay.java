import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.retailrl.runtime.Decision;
import org.retailrl.runtime.PricingPolicy;

/**
 * Run by RuntimeParityTest in a separate JVM through the source launcher, with only the runtime
 * artifact on the module path: for each (policy file, observations, output) triple of the arguments, replays recorded observations (int count, int width, then per
 * record int period and width floats, big-endian) through a policy file and writes one line per
 * decision, after a first line naming the kernel and the Java feature version.
 */
public class Replay {
    public static void main(String[] args) throws Exception {
        // Triples: policy file, observations, output.
        for (int f = 0; f + 2 < args.length; f += 3) {
            replay(Path.of(args[f]), Path.of(args[f + 1]), Path.of(args[f + 2]));
        }
    }

    private static void replay(Path file, Path observations, Path decisions) throws Exception {
        PricingPolicy policy = PricingPolicy.load(file);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(observations)));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(decisions))) {
            int n = in.readInt();
            int width = in.readInt();
            PricingPolicy.Session store = policy.newSession();
            float[] obs = new float[width];
            out.println(PricingPolicy.kernel() + " " + Runtime.version().feature());
            for (int i = 0; i < n; i++) {
                int period = in.readInt();
                for (int k = 0; k < width; k++) {
                    obs[k] = in.readFloat();
                }
                Decision d = policy.decide(store, obs, period);
                out.println(d.priceIndex() + " " + d.order());
            }
        }
    }
}
