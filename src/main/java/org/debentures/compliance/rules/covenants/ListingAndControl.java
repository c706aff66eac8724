package org.debentures.compliance.rules.covenants;

import java.time.LocalDate;
import java.util.ArrayList;
import org.debentures.compliance.calendar.DateInterval;
import java.util.List;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;

/**
 * The Events of Default of the symbol's market and control (SPEC §12), for every instrument of every
 * deal on the symbol:
 * <ul>
 *   <li>6(d)(i): from a {@code DELISTED} date to the day before the next {@code LISTED};</li>
 *   <li>6(d)(ii): from a {@code MAJOR_ANNOUNCEMENT} of a {@code CHANGE_OF_CONTROL} through the day before its
 *       {@code TRANSACTION_ABANDONED}, or through the day of its {@code TRANSACTION_CONSUMMATED} (its
 *       transaction row: the first of the two on the symbol dated on or after it); from a
 *       {@code LIQUIDATION_EVENT}, continuing.</li>
 * </ul>
 */
public final class ListingAndControl {

    public static final String LISTING_CLAUSE = "6(d)(i)";
    public static final String CONTROL_CLAUSE = "6(d)(ii)";

    private ListingAndControl() {
    }

    /**
     * The days the Common Stock is not listed (6(d)(i); 5(c)(v) v2): from each {@code DELISTED} to the next
     * {@code LISTED} (end day out; a {@code LISTED} on the delisting day leaves no day), open while none follows.
     */
    public static List<DateInterval> delistings(List<FilingEvent> symbolEvents) {
        return unlisted(symbolEvents).stream().map(Unlisted::days).toList();
    }

    /** One run of unlisted days with the {@code DELISTED} row that opened it. */
    private record Unlisted(FilingEvent delisted, DateInterval days) {
    }

    private static List<Unlisted> unlisted(List<FilingEvent> symbolEvents) {
        List<Unlisted> runs = new ArrayList<>();
        FilingEvent delisted = null;
        for (FilingEvent e : symbolEvents) {
            if (e.type() == EventType.DELISTED && delisted == null) {
                delisted = e;
            } else if (e.type() == EventType.LISTED && delisted != null) {
                if (e.date().isAfter(delisted.date())) {
                    runs.add(new Unlisted(delisted, new DateInterval(delisted.date(), e.date())));
                }
                delisted = null;
            }
        }
        if (delisted != null) {
            runs.add(new Unlisted(delisted, DateInterval.open(delisted.date())));
        }
        return runs;
    }

    /** The causes of the symbol's rows dated on or before {@code asOf}, in date then read order. */
    public static List<DefaultCause> causes(List<FilingEvent> symbolEvents, LocalDate asOf) {
        List<FilingEvent> events = symbolEvents.stream().filter(e -> !e.date().isAfter(asOf)).toList();
        List<DefaultCause> causes = new ArrayList<>();
        for (Unlisted unlisted : unlisted(events)) {
            causes.add(delisting(unlisted.delisted(), unlisted.days().isOpen() ? null
                    : unlisted.days().endExclusive().minusDays(1)));
        }
        for (int i = 0; i < events.size(); i++) {
            FilingEvent e = events.get(i);
            if (e.type() == EventType.MAJOR_ANNOUNCEMENT && "CHANGE_OF_CONTROL".equals(e.document())) {
                FilingEvent outcome = transaction(events, e);
                if (outcome == null) {
                    causes.add(new DefaultCause(CONTROL_CLAUSE, e.date(), null, "Event of Default 6(d)(ii): Change of"
                            + " Control announced " + e.date() + ", neither consummated nor abandoned"));
                } else if (outcome.type() == EventType.TRANSACTION_CONSUMMATED) {
                    causes.add(new DefaultCause(CONTROL_CLAUSE, e.date(), outcome.date(), "Event of Default 6(d)(ii):"
                            + " Change of Control announced " + e.date() + ", consummated " + outcome.date()
                            + " (the Holder may then give notice under 6(a))"));
                } else if (outcome.date().isAfter(e.date())) {
                    causes.add(new DefaultCause(CONTROL_CLAUSE, e.date(), outcome.date().minusDays(1), "Event of Default"
                            + " 6(d)(ii): Change of Control announced " + e.date() + ", abandoned " + outcome.date()));
                }
            } else if (e.type() == EventType.LIQUIDATION_EVENT) {
                causes.add(new DefaultCause(CONTROL_CLAUSE, e.date(), null, "Event of Default 6(d)(ii): Liquidation"
                        + " Event " + e.date() + " (Debenture 7(a))"));
            }
        }
        return causes;
    }

    /** The announcement's transaction row: the first consummation or abandonment on or after it. */
    public static FilingEvent transaction(List<FilingEvent> events, FilingEvent announcement) {
        for (FilingEvent e : events) {
            if ((e.type() == EventType.TRANSACTION_CONSUMMATED || e.type() == EventType.TRANSACTION_ABANDONED)
                    && !e.date().isBefore(announcement.date())) {
                return e;
            }
        }
        return null;
    }

    private static DefaultCause delisting(FilingEvent delisted, LocalDate last) {
        String market = delisted.document() == null ? "" : " (" + delisted.document() + ")";
        return new DefaultCause(LISTING_CLAUSE, delisted.date(), last, "Event of Default 6(d)(i): the Common Stock not"
                + " eligible on Nasdaq nor listed on AMEX or NYSE" + market + " from " + delisted.date()
                + (last == null ? "" : " to " + last));
    }
}
