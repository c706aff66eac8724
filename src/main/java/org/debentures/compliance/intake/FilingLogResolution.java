package org.debentures.compliance.intake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.money.MoneyFormat;

/**
 * The rules of SPEC §2 that need more than one filings-log row:
 * <ol>
 *   <li><b>Duplicates.</b> Identical rows in different files count once; within one file two
 *       identical rows are two events (two equal payments on a day). When several files repeat a
 *       row, the row counts as many times as the file that holds it most often. Every field
 *       counts, the v2 columns of SPEC §12 ({@code clause}, {@code period_end},
 *       {@code effective_date}) too: two waivers differing only in their period end are two rows.</li>
 *   <li><b>Intervals.</b> Taken in date order (then read order): an {@code _END}/{@code _RESUMED}
 *       with no open start, or a second start while one is open for the same subject, is
 *       rejected.</li>
 *   <li><b>Conversions.</b> A {@code SHARES_DELIVERED} must name (in {@code document}) an earlier
 *       or same-day {@code CONVERSION} of the same instrument not yet delivered (a conversion
 *       without a document is named by its date); conversions and repayments together may not
 *       exceed the instrument's principal.</li>
 * </ol>
 */
public final class FilingLogResolution {

    private FilingLogResolution() {
    }

    /**
     * @param rows the well-formed rows of every filings file
     * @param principals each instrument's principal at issue, by instrument id
     * @return the outcome of every row
     */
    public static Map<RowRef, Outcome> resolve(List<Sourced<FilingEvent>> rows, Map<String, BigDecimal> principals) {
        Map<RowRef, Outcome> outcomes = new LinkedHashMap<>();
        List<Sourced<FilingEvent>> accepted = markDuplicates(rows, outcomes);
        accepted.sort(Comparator.comparing((Sourced<FilingEvent> r) -> r.row().date())
                .thenComparing(Sourced::ref, RowRef.READ_ORDER));
        checkIntervals(accepted, outcomes);
        checkConversions(accepted, outcomes, principals);
        checkRedemptions(accepted, outcomes);
        return outcomes;
    }

    private static List<Sourced<FilingEvent>> markDuplicates(List<Sourced<FilingEvent>> rows,
                                                            Map<RowRef, Outcome> outcomes) {
        Map<String, List<Sourced<FilingEvent>>> byIdentity = rows.stream()
                .sorted(Comparator.comparing(Sourced::ref, RowRef.READ_ORDER))
                .collect(Collectors.groupingBy(r -> identity(r.row()), LinkedHashMap::new, Collectors.toList()));
        List<Sourced<FilingEvent>> accepted = new ArrayList<>();
        for (List<Sourced<FilingEvent>> same : byIdentity.values()) {
            Map<Integer, List<Sourced<FilingEvent>>> byFile = same.stream()
                    .collect(Collectors.groupingBy(r -> r.ref().fileOrder(), TreeMap::new, Collectors.toList()));
            List<Sourced<FilingEvent>> counted = new ArrayList<>();
            for (List<Sourced<FilingEvent>> inOneFile : byFile.values()) {
                for (int i = 0; i < inOneFile.size(); i++) {
                    Sourced<FilingEvent> row = inOneFile.get(i);
                    if (i < counted.size()) {
                        outcomes.put(row.ref(), new Outcome(RowStatus.DUPLICATE, "same row as " + counted.get(i).ref()));
                    } else {
                        outcomes.put(row.ref(), Outcome.accepted());
                        counted.add(row);
                        accepted.add(row);
                    }
                }
            }
        }
        return accepted;
    }

    private static void checkIntervals(List<Sourced<FilingEvent>> rowsInDateOrder, Map<RowRef, Outcome> outcomes) {
        Map<String, Sourced<FilingEvent>> open = new HashMap<>();
        for (Sourced<FilingEvent> row : rowsInDateOrder) {
            FilingEvent event = row.row();
            if (event.type().closer().isPresent()) {
                String key = event.type() + " " + event.subject();
                Sourced<FilingEvent> already = open.get(key);
                if (already != null) {
                    reject(outcomes, row, event.type() + " for " + event.subject() + " on " + event.date()
                            + " while the one of " + already.row().date() + " (" + already.ref() + ") is still open");
                } else {
                    open.put(key, row);
                }
            } else if (event.type().opener().isPresent()) {
                EventType opener = event.type().opener().get();
                if (open.remove(opener + " " + event.subject()) == null) {
                    reject(outcomes, row, event.type() + " for " + event.subject() + " on " + event.date()
                            + " with no open " + opener);
                }
            }
        }
    }

    private static void checkConversions(List<Sourced<FilingEvent>> rowsInDateOrder, Map<RowRef, Outcome> outcomes,
                                         Map<String, BigDecimal> principals) {
        Map<String, BigDecimal> reduced = new HashMap<>();
        Map<String, Set<String>> undelivered = new HashMap<>();
        for (Sourced<FilingEvent> row : rowsInDateOrder) {
            if (outcomes.get(row.ref()).status() != RowStatus.ACCEPTED) {
                continue;
            }
            FilingEvent event = row.row();
            switch (event.type()) {
                case CONVERSION, PRINCIPAL_REPAID -> {
                    BigDecimal principal = principals.get(event.subject());
                    BigDecimal before = reduced.getOrDefault(event.subject(), BigDecimal.ZERO);
                    BigDecimal after = before.add(event.amount());
                    if (principal != null && after.compareTo(principal) > 0) {
                        reject(outcomes, row, event.type() + " of " + MoneyFormat.dollars(event.amount()) + " on "
                                + event.date() + " exceeds the principal outstanding of " + event.subject() + " ("
                                + MoneyFormat.dollars(principal.subtract(before)) + ")");
                        continue;
                    }
                    reduced.put(event.subject(), after);
                    if (event.type() == EventType.CONVERSION) {
                        undelivered.computeIfAbsent(event.subject(), k -> new HashSet<>()).add(conversionReference(event));
                    }
                }
                case SHARES_DELIVERED -> {
                    Set<String> pending = undelivered.computeIfAbsent(event.subject(), k -> new HashSet<>());
                    if (!pending.remove(event.document())) {
                        reject(outcomes, row, "SHARES_DELIVERED for " + event.subject() + " on " + event.date()
                                + " names conversion '" + event.document()
                                + "', but no undelivered CONVERSION of that instrument on or before that date has that document");
                    }
                }
                default -> {
                }
            }
        }
    }

    /**
     * SPEC §14: a {@code REDEMPTION_PAID} or {@code REDEMPTION_RESCINDED} must name an accepted
     * {@code REDEMPTION_NOTICE} of the same instrument dated on or before it (a payment with no
     * {@code document} goes to the oldest notice: one must exist).
     */
    private static void checkRedemptions(List<Sourced<FilingEvent>> rowsInDateOrder, Map<RowRef, Outcome> outcomes) {
        Map<String, List<FilingEvent>> notices = new HashMap<>();
        for (Sourced<FilingEvent> row : rowsInDateOrder) {
            FilingEvent event = row.row();
            if (event.type() == EventType.REDEMPTION_NOTICE && outcomes.get(row.ref()).status() == RowStatus.ACCEPTED) {
                notices.computeIfAbsent(event.subject(), k -> new ArrayList<>()).add(event);
            }
        }
        for (Sourced<FilingEvent> row : rowsInDateOrder) {
            FilingEvent event = row.row();
            if ((event.type() != EventType.REDEMPTION_PAID && event.type() != EventType.REDEMPTION_RESCINDED)
                    || outcomes.get(row.ref()).status() != RowStatus.ACCEPTED) {
                continue;
            }
            boolean named = notices.getOrDefault(event.subject(), List.of()).stream()
                    .anyMatch(n -> !n.date().isAfter(event.date())
                            && (event.document() == null || event.document().equals(n.document())));
            if (!named) {
                reject(outcomes, row, event.type() + " for " + event.subject() + " on " + event.date()
                        + (event.document() == null ? ", with no notice named, but no REDEMPTION_NOTICE"
                                : " names notice '" + event.document() + "', but no REDEMPTION_NOTICE with that document")
                        + " of that instrument is dated on or before it (SPEC §14)");
            }
        }
    }

    /** The reference a delivery names: the conversion's document, or its date when it has none. */
    public static String conversionReference(FilingEvent conversion) {
        return conversion.document() != null ? conversion.document() : conversion.date().toString();
    }

    private static void reject(Map<RowRef, Outcome> outcomes, Sourced<FilingEvent> row, String reason) {
        outcomes.put(row.ref(), new Outcome(RowStatus.REJECTED, reason));
    }

    private static String identity(FilingEvent e) {
        return String.join("|", e.date().toString(), e.type().name(), e.subject(), number(e.amount()),
                Objects.toString(e.shares(), ""), number(e.ratio()), number(e.price()),
                Objects.toString(e.document(), ""), Objects.toString(e.note(), ""),
                Objects.toString(e.clause(), ""), Objects.toString(e.periodEnd(), ""),
                Objects.toString(e.effectiveDate(), ""));
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
