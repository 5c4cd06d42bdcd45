package org.retailrl.core.io;

import java.io.IOException;

/** A consumer that may throw {@link IOException}: the body that writes a file's content. */
@FunctionalInterface
public interface IOConsumer<T> {
    /** Consumes {@code t}. */
    void accept(T t) throws IOException;
}
