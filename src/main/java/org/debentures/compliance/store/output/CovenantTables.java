package org.debentures.compliance.store.output;

import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import org.debentures.compliance.rules.covenants.CovenantTest;
import org.debentures.compliance.store.Columns;
import org.debentures.compliance.store.WriteBatch;

/**
 * {@code covenant_test} (SPEC §12; {@code db/migration/common/V20__covenant_test.sql}): a deal's
 * covenant tests as of the run's last day. SPEC §10: the table holds every period ending on or before
 * the run's last day; a run replaces the deal's rows of the periods ending in its range.
 */
public final class CovenantTables {

    private static final Columns<CovenantTest> COVENANT_TEST = Columns.<CovenantTest>of("covenant_test")
            .column("deal_id", Types.VARCHAR, CovenantTest::dealId)
            .column("clause", Types.VARCHAR, CovenantTest::clause)
            .column("period_end", Types.DATE, t -> Date.valueOf(t.periodEnd()))
            .column("months", Types.INTEGER, CovenantTest::months)
            .column("target", Types.DECIMAL, t -> t.target() == null ? null : t.target().setScale(2, RoundingMode.HALF_UP))
            .column("actual", Types.DECIMAL, t -> t.actual() == null ? null : t.actual().setScale(2, RoundingMode.HALF_UP))
            .column("met", Types.BOOLEAN, CovenantTest::met)
            .column("state", Types.VARCHAR, CovenantTest::state)
            .column("breach_date", Types.DATE, t -> t.breachDate() == null ? null : Date.valueOf(t.breachDate()));

    private final WriteBatch writes;

    public CovenantTables(WriteBatch writes) {
        this.writes = writes;
    }

    /** Replaces the deal's tests of the periods ending in {@code [from, to]}. */
    public void replace(String dealId, LocalDate from, LocalDate to, List<CovenantTest> tests) {
        writes.replace("covenant_test", "deal_id", "period_end BETWEEN ? AND ?", dealId, Date.valueOf(from), Date.valueOf(to));
        writes.insert(COVENANT_TEST, tests.stream()
                .filter(t -> !t.periodEnd().isBefore(from) && !t.periodEnd().isAfter(to)).toList());
    }
}
