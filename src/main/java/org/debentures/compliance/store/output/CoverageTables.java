package org.debentures.compliance.store.output;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import org.debentures.compliance.rules.registration.ShareCoverage;
import org.debentures.compliance.store.Columns;
import org.debentures.compliance.store.WriteBatch;

/**
 * {@code registration_coverage} (SPEC §16; {@code db/migration/common/V24__registration_coverage.sql}): an
 * agreement's required and registered shares, day by day. A run replaces the agreement's rows of its range.
 */
public final class CoverageTables {

    private static final Columns<ShareCoverage.Day> COVERAGE = Columns.<ShareCoverage.Day>of("registration_coverage")
            .column("agreement_id", Types.VARCHAR, ShareCoverage.Day::agreementId)
            .column("coverage_date", Types.DATE, d -> Date.valueOf(d.date()))
            .column("required_shares", Types.BIGINT, ShareCoverage.Day::required)
            .column("registered_shares", Types.BIGINT, ShareCoverage.Day::registered)
            .column("maintain_line", Types.DECIMAL, ShareCoverage.Day::maintainLine)
            .column("cure_line", Types.DECIMAL, ShareCoverage.Day::cureLine)
            .column("shortfall", Types.BIGINT, ShareCoverage.Day::shortfall);

    private final WriteBatch writes;

    public CoverageTables(WriteBatch writes) {
        this.writes = writes;
    }

    /** Replaces the agreement's rows dated in {@code [from, to]}. */
    public void replace(String agreementId, LocalDate from, LocalDate to, List<ShareCoverage.Day> days) {
        writes.replace("registration_coverage", "agreement_id", "coverage_date BETWEEN ? AND ?", agreementId,
                Date.valueOf(from), Date.valueOf(to));
        writes.insert(COVERAGE, days);
    }
}
