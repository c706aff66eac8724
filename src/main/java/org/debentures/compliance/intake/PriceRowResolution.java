package org.debentures.compliance.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * SPEC §2 duplicates and vendor corrections for the well-formed rows of one feed and symbol,
 * taken in read order (file name, then line):
 * <ul>
 *   <li>one file giving two different values for a date: all its rows for that date are rejected
 *       (ambiguous); the same value twice in one file counts once;</li>
 *   <li>a later file giving the same value: a duplicate, counted once;</li>
 *   <li>a later file giving another value: a vendor correction. The new value is used, the old one
 *       is kept as {@link RowStatus#SUPERSEDED}, and a {@link Restatement} names both.</li>
 * </ul>
 */
public final class PriceRowResolution {

    /** The outcome of every row, and the corrections found. */
    public record Result(Map<RowRef, Outcome> outcomes, List<Restatement> restatements) {
    }

    private PriceRowResolution() {
    }

    public static Result resolve(List<Sourced<PriceRow>> rows) {
        Map<RowRef, Outcome> outcomes = new LinkedHashMap<>();
        List<Restatement> restatements = new ArrayList<>();
        Map<String, Map<LocalDate, List<Sourced<PriceRow>>>> bySymbolAndDate = rows.stream()
                .sorted((a, b) -> RowRef.READ_ORDER.compare(a.ref(), b.ref()))
                .collect(Collectors.groupingBy(r -> r.row().feed() + " " + r.row().symbol(), TreeMap::new,
                        Collectors.groupingBy(r -> r.row().date(), TreeMap::new, Collectors.toList())));
        for (Map<LocalDate, List<Sourced<PriceRow>>> byDate : bySymbolAndDate.values()) {
            for (List<Sourced<PriceRow>> sameDate : byDate.values()) {
                resolveOneDate(sameDate, outcomes, restatements);
            }
        }
        return new Result(outcomes, restatements);
    }

    private static void resolveOneDate(List<Sourced<PriceRow>> rowsInReadOrder, Map<RowRef, Outcome> outcomes,
                                       List<Restatement> restatements) {
        Map<Integer, List<Sourced<PriceRow>>> byFile = rowsInReadOrder.stream()
                .collect(Collectors.groupingBy(r -> r.ref().fileOrder(), TreeMap::new, Collectors.toList()));
        Sourced<PriceRow> current = null;
        for (List<Sourced<PriceRow>> inOneFile : byFile.values()) {
            Sourced<PriceRow> first = inOneFile.get(0);
            List<Sourced<PriceRow>> conflicting = inOneFile.stream()
                    .filter(r -> !r.row().sameValueAs(first.row())).toList();
            if (!conflicting.isEmpty()) {
                String values = inOneFile.stream()
                        .map(r -> r.row().describeValue() + " (line " + r.ref().line() + ")")
                        .collect(Collectors.joining(", "));
                for (Sourced<PriceRow> row : inOneFile) {
                    outcomes.put(row.ref(), new Outcome(RowStatus.REJECTED, "ambiguous: " + first.ref().fileName()
                            + " gives " + inOneFile.size() + " values for " + first.row().symbol() + " "
                            + first.row().date() + ": " + values));
                }
                continue;
            }
            for (Sourced<PriceRow> repeat : inOneFile.subList(1, inOneFile.size())) {
                outcomes.put(repeat.ref(), new Outcome(RowStatus.DUPLICATE, "same row as line " + first.ref().line()));
            }
            if (current == null) {
                outcomes.put(first.ref(), Outcome.accepted());
                current = first;
            } else if (current.row().sameValueAs(first.row())) {
                outcomes.put(first.ref(), new Outcome(RowStatus.DUPLICATE, "same row as " + current.ref()));
            } else {
                outcomes.put(current.ref(), new Outcome(RowStatus.SUPERSEDED, "restated by " + first.ref()));
                outcomes.put(first.ref(), Outcome.accepted());
                restatements.add(new Restatement(current, first));
                current = first;
            }
        }
    }
}
