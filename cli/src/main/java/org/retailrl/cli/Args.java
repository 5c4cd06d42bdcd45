package org.retailrl.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed {@code --name value} / {@code --name=value} / {@code --flag} options plus positional
 * words. Every option a command reads is marked used; {@link #finish()} rejects the rest, so a
 * typo is an error rather than silently ignored.
 *
 * <p>Command-line plumbing for the docs/model.md §1–§3 and §8 jobs; no equation of its own.
 */
public final class Args {
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();
    private final Set<String> used = new HashSet<>();

    /** Parses the words after the command name. */
    public Args(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("--") && w.length() > 2) {
                String body = w.substring(2);
                int eq = body.indexOf('=');
                if (eq >= 0) {
                    put(body.substring(0, eq), body.substring(eq + 1));
                } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
                    put(body, words.get(++i));
                } else {
                    put(body, "true");
                }
            } else {
                positional.add(w);
            }
        }
    }

    private void put(String k, String v) {
        if (options.put(k, v) != null) {
            throw new UsageException("option --" + k + " given twice");
        }
    }

    /** Positional words (not options). */
    public List<String> positional() {
        return positional;
    }

    /** True when {@code --name} was given (as a flag or with a value). */
    public boolean flag(String name) {
        used.add(name);
        String v = options.get(name);
        if (v == null) {
            return false;
        }
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new UsageException("--" + name + " is a flag; it takes no value (got '" + v + "')");
    }

    /** The string value of {@code --name}, or {@code def}. */
    public String string(String name, String def) {
        used.add(name);
        return options.getOrDefault(name, def);
    }

    /** An integer option within {@code [min, max]}. */
    public int integer(String name, int def, int min, int max) {
        String v = string(name, null);
        if (v == null) {
            return def;
        }
        try {
            int x = Integer.parseInt(v.trim());
            if (x < min || x > max) {
                throw new UsageException("--" + name + " must be in [" + min + ", " + max + "], got " + x);
            }
            return x;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer in [" + min + ", " + max + "], got '" + v + "'");
        }
    }

    /** A long option within {@code [min, max]}. */
    public long longValue(String name, long def, long min, long max) {
        String v = string(name, null);
        if (v == null) {
            return def;
        }
        try {
            long x = Long.parseLong(v.trim());
            if (x < min || x > max) {
                throw new UsageException("--" + name + " must be in [" + min + ", " + max + "], got " + x);
            }
            return x;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer in [" + min + ", " + max + "], got '" + v + "'");
        }
    }

    /** A finite real option within {@code [min, max]}. */
    public double real(String name, double def, double min, double max) {
        String v = string(name, null);
        if (v == null) {
            return def;
        }
        try {
            double x = Double.parseDouble(v.trim());
            if (!(x >= min && x <= max)) {
                throw new UsageException("--" + name + " must be in [" + min + ", " + max + "], got " + v);
            }
            return x;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number in [" + min + ", " + max + "], got '" + v + "'");
        }
    }

    /** Throws if any option was given that the command never read. */
    public void finish() {
        for (String k : options.keySet()) {
            if (!used.contains(k)) {
                throw new UsageException("unknown option --" + k);
            }
        }
    }
}
