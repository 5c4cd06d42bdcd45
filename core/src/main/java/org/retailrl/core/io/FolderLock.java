package org.retailrl.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An exclusive claim on an output folder while a run writes it (the run files of docs/model.md
 * §8.12): an operating-system lock ({@link FileChannel#tryLock()}) on the file {@value #NAME} in
 * the folder, so a second process — or a second run in this JVM — that tries to write the same
 * folder is refused instead of silently replacing the first's files. The lock dies with its
 * process, so a killed run never leaves the folder locked; the file itself stays (deleting it
 * would let a third process lock a fresh file while a second still holds the old one) and says
 * which process held it last.
 *
 * <p>Infrastructure; no equation of its own.
 */
public final class FolderLock implements AutoCloseable {
    /** The lock file's name. */
    public static final String NAME = ".retailrl.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dir} (which must exist) for this process.
     *
     * @param dir the output folder
     * @return the held lock; close it when the run is done
     * @throws FolderLockedException when another run holds it, naming the folder and that run
     * @throws IOException when the lock file cannot be created or opened
     */
    public static FolderLock acquire(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another run in this JVM
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            String holder;
            try {
                holder = Files.readString(file, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                holder = "";
            }
            ch.close();
            throw new FolderLockedException(dir + " is being written by another run" + (holder.isEmpty() ? ""
                    : " (" + holder + ")") + "; wait for it to finish, or choose another folder");
        }
        String who = "process " + ProcessHandle.current().pid() + " since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((who + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        return new FolderLock(ch, lock);
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** The folder is locked by another run; the message names the folder and, when known, that run. */
    public static final class FolderLockedException extends IOException {
        private static final long serialVersionUID = 1L;

        FolderLockedException(String message) {
            super(message);
        }
    }
}
