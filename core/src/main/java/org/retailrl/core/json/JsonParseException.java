package org.retailrl.core.json;

/**
 * Malformed JSON text: the message says what was expected and where, as {@code line:column}
 * (both 1-based; the column counts UTF-16 characters), e.g. {@code "expected ',' or '}' at 3:14"}.
 *
 * <p>Infrastructure for the scenario files of docs/model.md §1 and §3 and the reports; no equation of its own.
 */
public final class JsonParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int line;
    private final int column;

    /** {@code reason} without position; the message appends {@code " at line:column"}. */
    public JsonParseException(String reason, int line, int column) {
        super(reason + " at " + line + ":" + column);
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    /** What went wrong, without the position. */
    public String reason() {
        return reason;
    }

    /** 1-based line of the offending character. */
    public int line() {
        return line;
    }

    /** 1-based column of the offending character. */
    public int column() {
        return column;
    }
}
