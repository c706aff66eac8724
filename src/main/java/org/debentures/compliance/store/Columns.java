package org.debentures.compliance.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of one table's rows, each with its SQL type and how to take its value from a typed
 * row {@code R} (a domain record, or a small record of the data-access class): what a data-access
 * class hands to {@link WriteBatch#insert(Columns, List)} instead of arrays of values.
 *
 * @param <R> the row type
 */
public final class Columns<R> {

    private final String table;
    private final List<String> names = new ArrayList<>();
    private final List<Integer> types = new ArrayList<>();
    private final List<Function<? super R, ?>> values = new ArrayList<>();

    private Columns(String table) {
        this.table = table;
    }

    /** The columns of {@code table} (the view's name: the rows go to its {@code _data} table). */
    public static <R> Columns<R> of(String table) {
        return new Columns<>(table);
    }

    /** Adds a column: its name, its {@link java.sql.Types} type and its value in a row. */
    public Columns<R> column(String name, int sqlType, Function<? super R, ?> value) {
        names.add(name);
        types.add(sqlType);
        values.add(value);
        return this;
    }

    public String table() {
        return table;
    }

    List<String> names() {
        return List.copyOf(names);
    }

    int[] types() {
        return types.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The row's values in column order, as JDBC takes them, and {@code extra} empty places after them. */
    Object[] values(R row, int extra) {
        Object[] out = new Object[values.size() + extra];
        for (int i = 0; i < values.size(); i++) {
            out[i] = values.get(i).apply(row);
        }
        return out;
    }
}
