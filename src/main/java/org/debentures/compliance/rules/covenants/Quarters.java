package org.debentures.compliance.rules.covenants;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Calendar quarters as the filings log writes them, {@code YYYYQn} (SPEC §12: Ramtron's fiscal
 * year is the calendar year), named here by their last day.
 */
public final class Quarters {

    private Quarters() {
    }

    /** The last day of quarter {@code text} ({@code 2003Q1} -> 2003-03-31). */
    public static LocalDate end(String text) {
        if (text == null || !text.matches("\\d{4}Q[1-4]")) {
            throw new IllegalArgumentException("not a quarter YYYYQn: " + text);
        }
        int year = Integer.parseInt(text.substring(0, 4));
        int quarter = text.charAt(5) - '0';
        LocalDate first = LocalDate.of(year, quarter * 3, 1);
        return first.withDayOfMonth(first.lengthOfMonth());
    }

    /** The quarter ending {@code end}, written {@code YYYYQn}. */
    public static String name(LocalDate end) {
        return end.getYear() + "Q" + ((end.getMonthValue() + 2) / 3);
    }

    /** The {@code months / 3} quarter ends of the period of {@code months} months ending {@code end}, oldest first. */
    public static List<LocalDate> of(LocalDate end, int months) {
        List<LocalDate> ends = new ArrayList<>();
        for (int back = months / 3 - 1; back >= 0; back--) {
            LocalDate q = end.minusMonths(3L * back);
            ends.add(q.withDayOfMonth(q.lengthOfMonth()));
        }
        return ends;
    }
}
