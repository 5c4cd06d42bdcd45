package org.retailrl.cli;

import java.io.PrintStream;
import org.retailrl.core.simd.Kernels;

/** Prints the runtime: Java version, cores, and which kernel path (vector width or scalar) runs. */
final class InfoCommand implements Command {
    @Override
    public String name() {
        return "info";
    }

    @Override
    public String summary() {
        return "show the Java runtime, cores and the SIMD kernel path in use";
    }

    @Override
    public String usage() {
        return "usage: retail info\n\nPrints the Java version, available processors and the kernel implementation.";
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) {
        args.finish();
        out.println("java     " + Runtime.version());
        out.println("cores    " + Runtime.getRuntime().availableProcessors());
        out.println("kernels  " + Kernels.implementation() + " (GEMM tile " + Kernels.gemmTile() + ")");
        return 0;
    }
}
