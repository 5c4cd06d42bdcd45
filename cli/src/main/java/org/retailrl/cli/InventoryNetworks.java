package org.retailrl.cli;

import java.io.PrintStream;

/** Placeholder: replaced below. */
final class InventoryNetworks {
    private InventoryNetworks() {
    }

    static int run(String problem, String action, Args args, PrintStream out, PrintStream err) {
        args.finish();
        err.println("error: --problem " + problem + " is not available yet");
        return 2;
    }
}
