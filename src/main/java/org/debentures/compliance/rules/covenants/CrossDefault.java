package org.debentures.compliance.rules.covenants;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.debentures.compliance.findings.Finding;

/**
 * Debenture 6(d)(vii), cross-default (SPEC §12): on each day one of the instruments the deal file
 * names ({@code cross-default: [ids]}) has an Event of Default of a clause other than 6(d)(vii) that
 * the instrument itself does not have that day under the same clause, the instrument has an Event of
 * Default 6(d)(vii). Each run of a named instrument's Event of Default is one cause. No chains: the
 * named instruments' own 6(d)(vii) days are not read.
 */
public final class CrossDefault {

    public static final String CLAUSE = "6(d)(vii)";

    private CrossDefault() {
    }

    /**
     * @param named the Events of Default of one named instrument (any clause; 6(d)(vii) ones are ignored)
     * @param own whether the instrument itself has an Event of Default of {@code clause} on a day
     * @param asOf the run's last day (an open run reaches it)
     */
    public static List<DefaultCause> causes(String namedId, List<Finding> named, OwnDefault own, LocalDate asOf) {
        List<DefaultCause> causes = new ArrayList<>();
        for (Finding f : named) {
            if (f.clause().equals(CLAUSE)) {
                continue;
            }
            Predicate<LocalDate> ownToo = day -> own.has(f.clause(), day);
            LocalDate last = f.endDate() == null || f.endDate().isAfter(asOf) ? asOf : f.endDate();
            LocalDate start = null;
            for (LocalDate d = f.startDate(); !d.isAfter(last); d = d.plusDays(1)) {
                boolean counts = !ownToo.test(d);
                if (counts && start == null) {
                    start = d;
                }
                if (!counts && start != null) {
                    causes.add(cause(namedId, f, start, d.minusDays(1)));
                    start = null;
                }
            }
            if (start != null) {
                causes.add(cause(namedId, f, start, f.endDate() == null ? null : last));
            }
        }
        return causes;
    }

    /** Whether the instrument itself has an Event of Default of a clause on a day. */
    public interface OwnDefault {
        boolean has(String clause, LocalDate day);
    }

    private static DefaultCause cause(String namedId, Finding f, LocalDate first, LocalDate last) {
        return new DefaultCause(CLAUSE, first, last, "Event of Default 6(d)(vii) (cross-default): " + namedId
                + " has an Event of Default " + f.clause() + " from " + f.startDate(), null, f.startDate());
    }
}
