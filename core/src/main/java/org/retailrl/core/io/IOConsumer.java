package org.retailrl.core.io;

import java.io.IOException;

/**
 * A consumer that may throw {@link IOException}: the body that writes a file's content.
 *
 * <p>Infrastructure for the model, checkpoint and report files of docs/model.md §8; no equation of its own.
 */
@FunctionalInterface
public interface IOConsumer<T> {
    /** Consumes {@code t}. */
    void accept(T t) throws IOException;
}
