package org.retailrl.algorithms.checkpoint;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import org.retailrl.algorithms.fsda.TimescaleSchedule;

/**
 * Writes and reads the hyperparameter records of MODEL.md §8 ({@code PpoConfig}, {@code HappoConfig},
 * {@code FsdaConfig}) in a checkpoint section, component by component with its name, so that a
 * checkpoint restores exactly the settings it was trained with. Supported component types: double,
 * int, long, boolean, String, enums, nested records and {@link TimescaleSchedule}. A file whose
 * components do not match the record (a field added or removed since it was written) is refused
 * with the field named.
 *
 * <p>A {@link TimescaleSchedule} is a function; it is stored as {@code logarithmic} or
 * {@code constant k} when it agrees with one of those on every episode of the planned run, and
 * otherwise as the table of its ratios {@code k(0..planned−1)} (exact for the whole run; beyond
 * it the last ratio is repeated).
 */
final class ConfigCodec {
    private static final byte DOUBLE = 'D';
    private static final byte INT = 'I';
    private static final byte LONG = 'J';
    private static final byte BOOL = 'Z';
    private static final byte STRING = 'S';
    private static final byte ENUM = 'E';
    private static final byte RECORD = 'R';
    private static final byte SCHEDULE = 'T';

    private ConfigCodec() {
    }

    /** Writes record {@code r}; {@code planned} is the run's episode budget (for schedules). */
    static void write(SectionWriter w, Record r, int planned) {
        RecordComponent[] cs = r.getClass().getRecordComponents();
        w.i32(cs.length);
        for (RecordComponent c : cs) {
            Object v;
            try {
                v = c.getAccessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
            }
            w.str(c.getName());
            Class<?> t = c.getType();
            if (t == double.class) {
                w.i32(DOUBLE).f64((Double) v);
            } else if (t == int.class) {
                w.i32(INT).i32((Integer) v);
            } else if (t == long.class) {
                w.i32(LONG).i64((Long) v);
            } else if (t == boolean.class) {
                w.i32(BOOL).bool((Boolean) v);
            } else if (t == String.class) {
                w.i32(STRING).str((String) v);
            } else if (t.isEnum()) {
                w.i32(ENUM).str(((Enum<?>) v).name());
            } else if (t.isRecord()) {
                w.i32(RECORD);
                write(w, (Record) v, planned);
            } else if (t == TimescaleSchedule.class) {
                w.i32(SCHEDULE);
                writeSchedule(w, (TimescaleSchedule) v, planned);
            } else {
                throw new IllegalArgumentException("config component " + c.getName() + " has an unsupported type " + t);
            }
        }
    }

    private static void writeSchedule(SectionWriter w, TimescaleSchedule s, int planned) {
        TimescaleSchedule log = TimescaleSchedule.logarithmic();
        long k0 = s.ratio(0);
        boolean isLog = true;
        boolean isConst = k0 >= 1 && k0 <= Integer.MAX_VALUE;
        long[] table = new long[Math.max(1, planned)];
        for (int n = 0; n < table.length; n++) {
            table[n] = s.ratio(n);
            isLog &= table[n] == log.ratio(n);
            isConst &= table[n] == k0;
        }
        if (isLog) {
            w.i32(0);
        } else if (isConst) {
            w.i32(1).i64(k0);
        } else {
            w.i32(2).longs(table);
        }
    }

    /** Reads a record of class {@code type} written by {@link #write}. */
    static <R extends Record> R read(SectionReader r, Class<R> type) throws CheckpointException {
        int n = r.i32();
        if (n < 0 || n > 256) {
            throw r.error("bad component count " + n + " for " + type.getSimpleName());
        }
        Map<String, Object> values = new HashMap<>();
        RecordComponent[] cs = type.getRecordComponents();
        Map<String, Class<?>> types = new HashMap<>();
        for (RecordComponent c : cs) {
            types.put(c.getName(), c.getType());
        }
        for (int i = 0; i < n; i++) {
            String name = r.str();
            int tag = r.i32();
            Class<?> t = types.get(name);
            if (t == null) {
                throw r.error(type.getSimpleName() + " has no field '" + name + "' (file written by another version)");
            }
            Object v = switch (tag) {
                case DOUBLE -> r.f64();
                case INT -> r.i32();
                case LONG -> r.i64();
                case BOOL -> r.bool();
                case STRING -> r.str();
                case ENUM -> enumValue(r, t, name);
                case RECORD -> {
                    if (!t.isRecord()) {
                        throw r.error(type.getSimpleName() + "." + name + " is not a record");
                    }
                    yield read(r, t.asSubclass(Record.class));
                }
                case SCHEDULE -> readSchedule(r);
                default -> throw r.error("unknown type tag " + tag + " of " + type.getSimpleName() + "." + name);
            };
            if (values.put(name, v) != null) {
                throw r.error(type.getSimpleName() + "." + name + " appears twice");
            }
        }
        Object[] argv = new Object[cs.length];
        Class<?>[] sig = new Class<?>[cs.length];
        for (int i = 0; i < cs.length; i++) {
            sig[i] = cs[i].getType();
            argv[i] = values.get(cs[i].getName());
            if (argv[i] == null) {
                throw r.error(type.getSimpleName() + "." + cs[i].getName() + " is missing (file written by another version)");
            }
            if (!box(sig[i]).isInstance(argv[i])) {
                throw r.error(type.getSimpleName() + "." + cs[i].getName() + " has the wrong type");
            }
        }
        try {
            Constructor<R> ctor = type.getDeclaredConstructor(sig);
            return ctor.newInstance(argv);
        } catch (InvocationTargetException e) {
            throw r.error("invalid " + type.getSimpleName() + ": " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
        }
    }

    private static Object enumValue(SectionReader r, Class<?> t, String field) throws CheckpointException {
        String s = r.str();
        if (!t.isEnum()) {
            throw r.error(field + " is not an enum");
        }
        for (Object c : t.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(s)) {
                return c;
            }
        }
        throw r.error(field + " has an unknown value '" + s + "'");
    }

    private static TimescaleSchedule readSchedule(SectionReader r) throws CheckpointException {
        int kind = r.i32();
        switch (kind) {
            case 0:
                return TimescaleSchedule.logarithmic();
            case 1: {
                long k = r.i64();
                if (k < 1 || k > Integer.MAX_VALUE) {
                    throw r.error("constant schedule ratio must be in [1, " + Integer.MAX_VALUE + "], got " + k);
                }
                return TimescaleSchedule.constant((int) k);
            }
            case 2: {
                long[] table = r.longs();
                if (table.length == 0) {
                    throw r.error("empty schedule table");
                }
                for (long k : table) {
                    if (k < 1) {
                        throw r.error("schedule ratios must be >= 1, got " + k);
                    }
                }
                return n -> table[(int) Math.min(n, table.length - 1)];
            }
            default:
                throw r.error("unknown schedule kind " + kind);
        }
    }

    private static Class<?> box(Class<?> t) {
        if (t == double.class) {
            return Double.class;
        } else if (t == int.class) {
            return Integer.class;
        } else if (t == long.class) {
            return Long.class;
        } else if (t == boolean.class) {
            return Boolean.class;
        }
        return t;
    }
}
