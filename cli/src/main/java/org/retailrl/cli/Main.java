package org.retailrl.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code retail}: {@code retail <command> [options]}. With no command it runs the
 * default main job. The only module that prints.
 *
 * <p>Command-line plumbing for the docs/model.md §1–§3 and §8 jobs; no equation of its own.
 */
public final class Main {
    /** The command run when none is given. */
    static final String DEFAULT_COMMAND = "compare";

    private Main() {
    }

    static Map<String, Command> commands() {
        Map<String, Command> m = new LinkedHashMap<>();
        for (Command c : List.<Command>of(
                new CompareCommand(),
                new TrainCommand(),
                new ResumeCommand(),
                new EvaluateCommand(),
                new SelfCheckCommand(),
                new InfoCommand(),
                new DpCommand(),
                new AnalyzeCommand(),
                new DemandCommand(), new InventoryCommand(), new LmmCommand())) {
            m.put(c.name(), c);
        }
        return m;
    }

    /** Runs {@code args} and returns the exit code (0 ok, 1 failure, 2 bad usage). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Command> cmds = commands();
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            printHelp(cmds, out);
            return 0;
        }
        String name = args.length == 0 ? DEFAULT_COMMAND : args[0];
        Command c = cmds.get(name);
        if (c == null) {
            err.println("error: unknown command '" + name + "'");
            printHelp(cmds, err);
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(c.usage());
            return 0;
        }
        try {
            return c.run(new Args(rest), out, err);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println();
            err.println(c.usage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (ExceptionInInitializerError e) {
            // A bad -D setting of the kernels (-Dretailrl.simd.width, -Dretailrl.gemm.rows) is
            // found when their class first loads: report it like any other bad argument.
            if (e.getCause() instanceof IllegalArgumentException bad) {
                err.println("error: " + bad.getMessage());
                return 2;
            }
            throw e;
        } catch (Exception e) {
            err.println("error: " + describe(e));
            return 1;
        }
    }

    /**
     * A failure in words, naming the file where the exception knows it: never a bare exception
     * class ({@code java.io.IOException: Is a directory}), which tells a user neither what nor where.
     */
    static String describe(Throwable e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
            String what;
            if (e instanceof java.nio.file.NoSuchFileException) {
                what = "no such file or folder";
            } else if (e instanceof java.nio.file.AccessDeniedException) {
                what = "permission denied";
            } else if (e instanceof java.nio.file.FileAlreadyExistsException) {
                what = "already exists";
            } else if (e instanceof java.nio.file.NotDirectoryException) {
                what = "is not a folder";
            } else if (e instanceof java.nio.file.DirectoryNotEmptyException) {
                what = "is a folder that is not empty";
            } else {
                what = fs.getReason() != null ? lowerFirst(fs.getReason()) : "cannot be used";
            }
            return fs.getFile() + (fs.getOtherFile() != null ? " -> " + fs.getOtherFile() : "") + ": " + what;
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getCause() != null ? describe(e.getCause()) : "internal error ("
                    + e.getClass().getSimpleName() + " without a message); please report it";
        }
        if (e instanceof java.io.UncheckedIOException && e.getCause() != null) {
            return describe(e.getCause());
        }
        return m;
    }

    private static String lowerFirst(String s) {
        // "Is a directory" from the platform reads as a clause after the file name.
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))
                ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
    }

    private static void printHelp(Map<String, Command> cmds, PrintStream out) {
        out.println("usage: retail <command> [options]   (no command: " + DEFAULT_COMMAND + ")");
        out.println();
        out.println("commands:");
        for (Command c : cmds.values()) {
            out.printf("  %-16s %s%n", c.name(), c.summary());
        }
        out.println();
        out.println("retail <command> --help shows a command's options.");
    }

    /** Process entry point. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }
}
