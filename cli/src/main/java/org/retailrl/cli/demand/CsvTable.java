package org.retailrl.cli.demand;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * A CSV file with a header line, read into one {@code double[]} per column (the market data of
 * docs/model.md §5). Gzip is recognised by its magic bytes, whatever the file name. Fields may be
 * quoted with {@code "} (a doubled {@code ""} inside is a quote), as R's {@code write.csv} writes
 * them; a line may not continue inside quotes. Empty fields and {@code NA}, {@code NaN},
 * {@code null} are missing ({@code NaN}). A column with any other non-numeric field is a text
 * column: its values become codes {@code 0, 1, ...} in the sorted order of the distinct strings
 * (usable as a categorical feature, refused as a number).
 */
public final class CsvTable {
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<String> names;
    private final List<double[]> columns;
    private final List<String[]> levels;
    private final String source;

    private CsvTable(String source, List<String> names, List<double[]> columns, List<String[]> levels) {
        this.source = source;
        this.names = List.copyOf(names);
        this.columns = new ArrayList<>(columns);
        this.levels = new ArrayList<>(levels);
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
    }

    /** Reads {@code path} (plain or gzip). */
    public static CsvTable read(Path path) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
                return parse(r, path.toString());
            }
        }
    }

    /** Parses CSV text from {@code r}; {@code source} names it in messages. */
    public static CsvTable parse(BufferedReader r, String source) throws IOException {
        String header = r.readLine();
        if (header == null) {
            throw new IllegalArgumentException(source + ": empty file (no header line)");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        List<String> names = new ArrayList<>();
        split(header, names, source, 1);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i).trim();
            names.set(i, n);
            if (n.isEmpty()) {
                throw new IllegalArgumentException(source + ": column " + (i + 1) + " of the header has no name");
            }
            if (seen.put(n, i) != null) {
                throw new IllegalArgumentException(source + ": column '" + n + "' appears twice in the header");
            }
        }
        int nc = names.size();
        double[][] cols = new double[nc][1024];
        boolean[] text = new boolean[nc];
        List<String> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>(nc);
        int rows = 0;
        String line;
        int lineNo = 1;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            fields.clear();
            split(line, fields, source, lineNo);
            if (fields.size() != nc) {
                throw new IllegalArgumentException(source + ": line " + lineNo + " has " + fields.size()
                        + " fields, the header has " + nc);
            }
            if (rows == cols[0].length) {
                for (int c = 0; c < nc; c++) {
                    cols[c] = Arrays.copyOf(cols[c], rows * 2);
                }
            }
            for (int c = 0; c < nc; c++) {
                if (!text[c]) {
                    double v = number(fields.get(c));
                    if (Double.doubleToRawLongBits(v) == TEXT_BITS) {
                        text[c] = true;
                    } else {
                        cols[c][rows] = v;
                    }
                }
            }
            lines.add(line);
            rows++;
        }
        if (rows == 0) {
            throw new IllegalArgumentException(source + ": no data rows after the header");
        }
        List<double[]> out = new ArrayList<>(nc);
        List<String[]> lv = new ArrayList<>(nc);
        for (int c = 0; c < nc; c++) {
            if (!text[c]) {
                out.add(Arrays.copyOf(cols[c], rows));
                lv.add(null);
                continue;
            }
            String[] raw = new String[rows];
            TreeSet<String> distinct = new TreeSet<>();
            for (int i = 0; i < rows; i++) {
                fields.clear();
                split(lines.get(i), fields, source, i + 2);
                raw[i] = fields.get(c).trim();
                if (!isMissing(raw[i])) {
                    distinct.add(raw[i]);
                }
            }
            String[] names2 = distinct.toArray(new String[0]);
            double[] codes = new double[rows];
            for (int i = 0; i < rows; i++) {
                codes[i] = isMissing(raw[i]) ? Double.NaN : Arrays.binarySearch(names2, raw[i]);
            }
            out.add(codes);
            lv.add(names2);
        }
        return new CsvTable(source, names, out, lv);
    }

    /** Builds a table from columns (for tests and derived data). */
    public static CsvTable of(String source, List<String> names, List<double[]> columns) {
        List<String[]> lv = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            lv.add(null);
        }
        return new CsvTable(source, names, columns, lv);
    }

    /** A NaN payload that {@link #number} returns for text; ordinary missing values are {@code Double.NaN}. */
    private static final long TEXT_BITS = 0x7ff8dead0000beefL;
    private static final double NOT_A_NUMBER = Double.longBitsToDouble(TEXT_BITS);

    private static boolean isMissing(String s) {
        return s.isEmpty() || s.equals("NA") || s.equals("NaN") || s.equals("nan") || s.equals("null")
                || s.equals("NULL");
    }

    /** The value of a numeric field, NaN when missing, {@link #NOT_A_NUMBER} (by bits) when text. */
    private static double number(String s) {
        String t = s.trim();
        if (isMissing(t)) {
            return Double.NaN;
        }
        char c = t.charAt(0);
        if (!(c >= '0' && c <= '9') && c != '-' && c != '+' && c != '.') {
            return NOT_A_NUMBER;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return NOT_A_NUMBER;
        }
    }

    private static void split(String line, List<String> out, String source, int lineNo) {
        int n = line.length();
        int i = 0;
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException(source + ": line " + lineNo + " has an unclosed quote");
                    }
                    char ch = line.charAt(i++);
                    if (ch == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            sb.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        sb.append(ch);
                    }
                }
                out.add(sb.toString());
                if (i < n && line.charAt(i) != ',') {
                    throw new IllegalArgumentException(source + ": line " + lineNo + " has text after a closing quote");
                }
            } else {
                int j = line.indexOf(',', i);
                int end = j < 0 ? n : j;
                out.add(line.substring(i, end));
                i = end;
            }
            if (i >= n) {
                return;
            }
            i++; // the comma
            if (i == n) {
                out.add("");
                return;
            }
        }
    }

    /** Where the table came from (for messages). */
    public String source() {
        return source;
    }

    /** Column names in file order. */
    public List<String> names() {
        return names;
    }

    /** Number of data rows. */
    public int rows() {
        return columns.get(0).length;
    }

    /** Whether the table has a column {@code name}. */
    public boolean has(String name) {
        return index.containsKey(name);
    }

    /** Whether column {@code name} holds text (coded), not numbers. */
    public boolean isText(String name) {
        return levels.get(indexOf(name)) != null;
    }

    /** The distinct strings of a text column, in code order; {@code null} for a numeric column. */
    public String[] levels(String name) {
        String[] l = levels.get(indexOf(name));
        return l == null ? null : l.clone();
    }

    /** The values (or text codes) of column {@code name}; the array is shared, do not change it. */
    public double[] column(String name) {
        return columns.get(indexOf(name));
    }

    /** The values of a column that must be numeric; refuses a text column, naming it. */
    public double[] numeric(String name) {
        int i = indexOf(name);
        if (levels.get(i) != null) {
            throw new IllegalArgumentException("column '" + name + "' of " + source + " is not numeric (it holds text such as '"
                    + levels.get(i)[0] + "'); declare it with --categorical or leave it out");
        }
        return columns.get(i);
    }

    /** A table with the same rows and the extra numeric column {@code name} (replacing one of that name). */
    public CsvTable with(String name, double[] values) {
        if (values.length != rows()) {
            throw new IllegalArgumentException("column '" + name + "' has " + values.length + " rows, the table " + rows());
        }
        List<String> n = new ArrayList<>(names);
        List<double[]> c = new ArrayList<>(columns);
        List<String[]> l = new ArrayList<>(levels);
        Integer at = index.get(name);
        if (at != null) {
            c.set(at, values);
            l.set(at, null);
        } else {
            n.add(name);
            c.add(values);
            l.add(null);
        }
        return new CsvTable(source, n, c, l);
    }

    private int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no column '" + name + "' in " + source + " (columns: "
                    + String.join(", ", names) + ")");
        }
        return i;
    }
}
