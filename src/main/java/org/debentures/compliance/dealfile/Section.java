package org.debentures.compliance.dealfile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One mapping of a deal file, read key by key. Every scalar arrives as text (the YAML loader
 * resolves no implicit types), so that each value is parsed here with the job's own strict rules;
 * every problem is recorded with the file and the full key path, and reading goes on so that one
 * run reports every problem of a file at once. {@link #finish()} reports keys nobody asked for.
 */
final class Section {

    private static final DateTimeFormatter ISO_STRICT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    private final String file;
    private final String path;
    private final Map<?, ?> values;
    private final List<String> problems;
    private final Set<String> asked = new LinkedHashSet<>();

    Section(String file, String path, Map<?, ?> values, List<String> problems) {
        this.file = file;
        this.path = path;
        this.values = values;
        this.problems = problems;
    }

    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    void problem(String name, String what) {
        problems.add(file + ": key '" + key(name) + "': " + what);
    }

    private Object raw(String name, boolean nullable) {
        asked.add(name);
        if (!values.containsKey(name)) {
            problem(name, "missing");
            return null;
        }
        Object value = values.get(name);
        if (value == null && !nullable) {
            problem(name, "has no value");
        }
        return value;
    }

    private String scalar(String name, boolean nullable) {
        Object value = raw(name, nullable);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            problem(name, "must be a single value, not " + describe(value));
            return null;
        }
        return text.strip();
    }

    String text(String name) {
        String text = scalar(name, false);
        if (text != null && text.isEmpty()) {
            problem(name, "is empty");
            return null;
        }
        return text;
    }

    LocalDate date(String name) {
        String text = scalar(name, false);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, ISO_STRICT);
        } catch (DateTimeParseException e) {
            problem(name, "'" + text + "' is not a real date in the form yyyy-MM-dd");
            return null;
        }
    }

    /** A decimal at or above {@code min} (inclusive) and, when {@code max} is not null, at most {@code max}. */
    BigDecimal decimal(String name, BigDecimal min, boolean minExclusive, BigDecimal max) {
        return decimal(name, min, minExclusive, max, false);
    }

    BigDecimal nullableDecimal(String name, BigDecimal min, boolean minExclusive, BigDecimal max) {
        return decimal(name, min, minExclusive, max, true);
    }

    private BigDecimal decimal(String name, BigDecimal min, boolean minExclusive, BigDecimal max, boolean nullable) {
        String text = scalar(name, nullable);
        if (text == null) {
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            problem(name, "'" + text + "' is not a plain decimal number");
            return null;
        }
        BigDecimal value = new BigDecimal(text);
        if (value.signum() < 0 && min.signum() >= 0) {
            problem(name, text + " is negative");
            return null;
        }
        int vsMin = value.compareTo(min);
        if (vsMin < 0 || (minExclusive && vsMin == 0)) {
            problem(name, text + " must be " + (minExclusive ? "above " : "at least ") + min.toPlainString());
            return null;
        }
        if (max != null && value.compareTo(max) > 0) {
            problem(name, text + " must be at most " + max.toPlainString());
            return null;
        }
        return value;
    }

    /** A whole number of at least {@code min}; 0 when missing or wrong (a problem is recorded). */
    int integer(String name, int min) {
        String text = scalar(name, false);
        if (text == null) {
            return 0;
        }
        if (!INTEGER.matcher(text).matches() || text.length() > 9) {
            problem(name, "'" + text + "' is not a whole number");
            return 0;
        }
        int value = Integer.parseInt(text);
        if (value < min) {
            problem(name, text + (value < 0 ? " is negative" : " must be at least " + min));
            return 0;
        }
        return value;
    }

    boolean bool(String name) {
        String text = scalar(name, false);
        if (text == null) {
            return false;
        }
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problem(name, "'" + text + "' must be true or false");
                yield false;
            }
        };
    }

    <E extends Enum<E>> E choice(String name, Class<E> type) {
        String text = scalar(name, false);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        problem(name, "'" + text + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        return null;
    }

    List<MonthDay> monthDays(String name) {
        Object value = raw(name, false);
        List<MonthDay> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problem(name, "must be a non-empty list of \"MM-dd\" month-days");
            return result;
        }
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            try {
                result.add(MonthDay.parse("--" + item));
            } catch (DateTimeParseException e) {
                problems.add(file + ": key '" + key(name) + "[" + i + "]': '" + item + "' is not a month-day \"MM-dd\"");
            }
        }
        return result;
    }

    Section section(String name) {
        Object value = raw(name, false);
        if (value != null && !(value instanceof Map<?, ?>)) {
            problem(name, "must be a mapping of keys, not " + describe(value));
        }
        return new Section(file, key(name), value instanceof Map<?, ?> map ? map : Map.of(), problems);
    }

    List<Section> sections(String name) {
        Object value = raw(name, false);
        List<Section> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problem(name, "must be a non-empty list");
            return result;
        }
        for (int i = 0; i < list.size(); i++) {
            String itemPath = key(name) + "[" + i + "]";
            if (list.get(i) instanceof Map<?, ?> map) {
                result.add(new Section(file, itemPath, map, problems));
            } else {
                problems.add(file + ": key '" + itemPath + "': must be a mapping of keys");
            }
        }
        return result;
    }

    /** Records every key of this mapping that was not asked for: unknown keys stop the run. */
    void finish() {
        for (Object key : values.keySet()) {
            if (!asked.contains(String.valueOf(key))) {
                problems.add(file + ": key '" + key(String.valueOf(key)) + "': unknown key");
            }
        }
    }

    private static String describe(Object value) {
        return value instanceof Map<?, ?> ? "a mapping" : value instanceof List<?> ? "a list" : "'" + value + "'";
    }
}
