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
 *
 * <p>Every getter treats its key as required ("missing" when absent). An optional key (the v2 keys
 * of SPEC §12-§16) is read with {@link #has} first, or with an {@code optional...} getter that
 * gives the SPEC default when the key is absent; a key that is there is checked in full either way.
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
    private final int problemsBefore;

    Section(String file, String path, Map<?, ?> values, List<String> problems) {
        this.file = file;
        this.path = path;
        this.values = values;
        this.problems = problems;
        this.problemsBefore = problems.size();
    }

    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    void problem(String name, String what) {
        problems.add(file + ": key '" + key(name) + "': " + what);
    }

    /** A problem with one item of the list under {@code name}. */
    void itemProblem(String name, int index, String what) {
        problems.add(file + ": key '" + key(name) + "[" + index + "]': " + what);
    }

    /** A problem with this mapping as a whole (a list item, a section). */
    void problem(String what) {
        problems.add(path.isEmpty() ? file + ": " + what : file + ": key '" + path + "': " + what);
    }

    /**
     * Builds a value from what was read; {@code null} when it cannot be built. Values with a problem
     * are missing (null, 0), which a record's checks refuse: that is expected. A refusal with no problem
     * recorded since this mapping was opened is recorded, so that no value is ever dropped unexplained.
     */
    <T> T build(java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (RuntimeException refused) {
            if (problems.size() == problemsBefore) {
                problem(String.valueOf(refused.getMessage()));
            }
            return null;
        }
    }

    /**
     * Whether the mapping has the key, for an optional key: asked either way (so {@link #finish()}
     * does not call it unknown). A key that is there with no value is there: its getter says so.
     */
    boolean has(String name) {
        asked.add(name);
        return values.containsKey(name);
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

    /**
     * The text under a key as it stands, neither checked nor asked for: a look-ahead (the ids that
     * other entries may name). {@code null} when absent or not a single value.
     */
    String peek(String name) {
        Object value = values.get(name);
        return value instanceof String text && !text.isBlank() ? text.strip() : null;
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
        LocalDate date = strictDate(text);
        if (date == null) {
            problem(name, notADate(text));
        }
        return date;
    }

    /** A strict ISO date, or {@code null} when {@code text} is not one. */
    private static LocalDate strictDate(String text) {
        try {
            return LocalDate.parse(text, ISO_STRICT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String notADate(Object text) {
        return "'" + text + "' is not a real date in the form yyyy-MM-dd";
    }

    /** A decimal at or above {@code min} (inclusive) and, when {@code max} is not null, at most {@code max}. */
    BigDecimal decimal(String name, BigDecimal min, boolean minExclusive, BigDecimal max) {
        return decimal(name, min, minExclusive, max, false);
    }

    BigDecimal nullableDecimal(String name, BigDecimal min, boolean minExclusive, BigDecimal max) {
        return decimal(name, min, minExclusive, max, true);
    }

    private BigDecimal decimal(String name, BigDecimal min, boolean minExclusive, BigDecimal max, boolean nullable) {
        BigDecimal value = plainDecimal(name, nullable);
        if (value == null) {
            return null;
        }
        String text = ((String) values.get(name)).strip(); // as written, for the messages
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

    /** A decimal as written, any sign; {@code null} when missing or not a plain decimal (recorded). */
    private BigDecimal plainDecimal(String name, boolean nullable) {
        String text = scalar(name, nullable);
        if (text == null) {
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            problem(name, "'" + text + "' is not a plain decimal number");
            return null;
        }
        return new BigDecimal(text);
    }

    /** A whole number of at least {@code min}; 0 when missing or wrong (a problem is recorded). */
    int integer(String name, int min) {
        Long value = whole(name, min, 9);
        return value == null ? 0 : value.intValue();
    }

    /** A whole number of at least {@code min} and at most {@code maxDigits} characters; {@code null} when missing or wrong. */
    private Long whole(String name, long min, int maxDigits) {
        String text = scalar(name, false);
        if (text == null) {
            return null;
        }
        if (!INTEGER.matcher(text).matches() || text.length() > maxDigits) {
            problem(name, "'" + text + "' is not a whole number");
            return null;
        }
        long value = Long.parseLong(text);
        if (value < min) {
            problem(name, text + (value < 0 ? " is negative" : " must be at least " + min));
            return null;
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

    /** An optional whole number of at least {@code min}: {@code absent} when the key is not there. */
    int optionalInteger(String name, int min, int absent) {
        return has(name) ? integer(name, min) : absent;
    }

    /** An optional decimal (see {@link #decimal}): {@code absent} when the key is not there. */
    BigDecimal optionalDecimal(String name, BigDecimal min, boolean minExclusive, BigDecimal max, BigDecimal absent) {
        return has(name) ? decimal(name, min, minExclusive, max) : absent;
    }

    /** An optional choice: {@code absent} when the key is not there. */
    <E extends Enum<E>> E optionalChoice(String name, Class<E> type, E absent) {
        return has(name) ? choice(name, type) : absent;
    }

    /** A decimal of either sign (an EBITDA target may be a loss). */
    BigDecimal signedDecimal(String name) {
        return plainDecimal(name, false);
    }

    /** A whole number of at least {@code min} up to 15 digits (a share count); {@code null} when missing or wrong. */
    Long count(String name, long min) {
        return whole(name, min, 15);
    }

    /**
     * A list of ids, each a non-empty single value named once; an empty list {@code []} only when
     * {@code emptyAllowed}. The ids read well, in order (those with a problem left out).
     */
    List<String> ids(String name, boolean emptyAllowed) {
        Object value = raw(name, false);
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof List<?> list) || (list.isEmpty() && !emptyAllowed)) {
            problem(name, "must be a " + (emptyAllowed ? "" : "non-empty ") + "list of ids, like [A, B]");
            return result;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String text) || text.isBlank()) {
                itemProblem(name, i, "must be an id, not " + (list.get(i) == null ? "empty" : describe(list.get(i))));
            } else if (result.contains(text.strip())) {
                itemProblem(name, i, "'" + text.strip() + "' is listed twice");
            } else {
                result.add(text.strip());
            }
        }
        return result;
    }

    /** A non-empty list of dates; {@code null} when the key is missing or any item is wrong (each is recorded). */
    List<LocalDate> dates(String name) {
        Object value = raw(name, false);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problem(name, "must be a non-empty list of dates, like [2003-06-30, 2003-09-30]");
            return null;
        }
        List<LocalDate> result = new ArrayList<>();
        boolean wrong = false;
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            LocalDate date = item instanceof String text ? strictDate(text.strip()) : null;
            if (date == null) {
                itemProblem(name, i, notADate(item));
                wrong = true;
            } else {
                result.add(date);
            }
        }
        return wrong ? null : result;
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
