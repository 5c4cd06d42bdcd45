package org.retailrl.core.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Whole-file replacement that never leaves a half-written target: the content goes to a temporary
 * file in the target's directory, is flushed and forced to disk, then renamed over the target
 * (atomically where the file system supports it). A reader sees either the old file or the
 * complete new one; if the body fails, the temporary file is deleted and the old target is left
 * byte-for-byte untouched.
 *
 * <p>If the target is a symbolic link, the link itself is replaced by a regular file. A crash
 * between creating and renaming can leave a hidden {@code .<name>.<hex>.tmp} file behind; it
 * never replaces the target.
 *
 * <p>Infrastructure for the model, checkpoint and report files of docs/model.md §8; no equation of its own.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code bytes}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        if (bytes == null) {
            throw new IllegalArgumentException("bytes must not be null");
        }
        write(target, out -> out.write(bytes));
    }

    /** Replaces {@code target} with {@code text} encoded as UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Replaces {@code target} with whatever {@code body} writes to the stream it is given. The body
     * must not keep the stream; closing it is allowed and only flushes.
     *
     * @throws IOException from the body or the file system; the target is then unchanged
     */
    public static void write(Path target, IOConsumer<OutputStream> body) throws IOException {
        if (target == null || body == null) {
            throw new IllegalArgumentException("target and body must not be null");
        }
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(String.valueOf(dir), null, "directory of the target does not exist");
        }
        // Same directory, so the rename never crosses a file system; a leading dot keeps
        // directory listings quiet if a crash leaves one behind.
        Path tmp = createTemp(dir, abs.getFileName().toString());
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                BufferedOutputStream buf = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                body.accept(new FilterOutputStream(buf) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len); // FilterOutputStream would write byte by byte
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // the channel must stay open for force()
                    }
                });
                buf.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException suppressed) {
                    // The original failure is what the caller needs; a stray temp file is secondary.
                }
            }
        }
        syncDirectory(dir);
    }

    /**
     * Deletes the temporary files that writes killed before their rename left in {@code dir}
     * ({@code .<name>.<hex>.tmp}, the names this class creates). Call it only while no write into
     * {@code dir} can be under way — for instance while holding the folder's {@link FolderLock}.
     *
     * @param dir a folder; nothing happens when it does not exist
     * @return how many files were deleted
     * @throws IOException when the folder cannot be listed or a file cannot be deleted
     */
    public static int deleteStaleTemporaries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int n = 0;
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (isTemporaryName(f.getFileName().toString()) && Files.isRegularFile(f)) {
                    Files.deleteIfExists(f);
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * Whether {@code fileName} is one of the temporary names this class writes to before renaming.
     *
     * @param fileName a file name without folder
     * @return true for {@code .<name>.<hex>.tmp}
     */
    public static boolean isTemporaryName(String fileName) {
        return STALE.matcher(fileName).matches();
    }

    /** The temporary names {@link #createTemp} gives. */
    private static final java.util.regex.Pattern STALE = java.util.regex.Pattern.compile("\\..+\\.[0-9a-f]{1,16}\\.tmp");

    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            // Not Files.createTempFile: that forces mode 0600, and the target should get the
            // permissions an ordinary new file gets (the umask).
            Path tmp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /** Makes the rename itself durable where the platform allows opening a directory. */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open directories; the rename is still atomic, only its durability
            // across power loss is weaker there.
        }
    }
}
