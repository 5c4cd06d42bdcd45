package org.retailrl.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.retailrl.core.io.AtomicFiles;
import org.retailrl.core.io.FolderLock;

/**
 * The output folders of one run (docs/model.md §8.12 run files), claimed for as long as it writes
 * them: each is locked ({@link FolderLock}), so a second run into the same folder is refused with
 * a message instead of replacing the first's files, and the temporary files that a killed write
 * left there are deleted (safe only under the lock, when no other write can be under way).
 */
final class OutputFolder implements AutoCloseable {
    private final List<FolderLock> locks = new ArrayList<>();

    private OutputFolder() {
    }

    /** A claim on no folder yet, for a command that learns its folders later ({@link #add}). */
    static OutputFolder claimLater() {
        return new OutputFolder();
    }

    /**
     * Creates (when missing) and locks {@code dirs}, then removes stale temporary files from them,
     * saying so on {@code err}.
     *
     * @throws IOException when a folder is being written by another run (the message names it) or
     *                     cannot be created or locked
     */
    static OutputFolder claim(PrintStream err, Path... dirs) throws IOException {
        OutputFolder f = new OutputFolder();
        f.add(err, dirs);
        return f;
    }

    /** Adds {@code dirs} to this claim, as {@link #claim(PrintStream, Path...)} does. */
    void add(PrintStream err, Path... dirs) throws IOException {
        List<FolderLock> held = new ArrayList<>();
        try {
            for (Path d : dirs) {
                Files.createDirectories(d);
                held.add(FolderLock.acquire(d));
            }
            for (Path d : dirs) {
                int n = AtomicFiles.deleteStaleTemporaries(d);
                if (n > 0) {
                    err.println("removed " + n + " temporary file" + (n == 1 ? "" : "s")
                            + " left by an interrupted write in " + d);
                }
            }
        } catch (IOException | RuntimeException e) {
            for (FolderLock l : held) {
                l.close();
            }
            throw e;
        }
        locks.addAll(held);
    }

    /** Whether {@code fileName} is bookkeeping this class manages, not a run's output. */
    static boolean isBookkeeping(String fileName) {
        return fileName.equals(FolderLock.NAME) || AtomicFiles.isTemporaryName(fileName);
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (FolderLock l : locks) {
            try {
                l.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
