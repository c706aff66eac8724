package org.debentures.compliance.store.output;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import org.debentures.compliance.rules.deadlines.Deadline;
import org.debentures.compliance.store.Columns;
import org.debentures.compliance.store.WriteBatch;

/** SQL of {@code upcoming_deadline}: a deal's deadlines as of a day replace those stored for that day. */
public final class DeadlineTables {

    /** A deadline as listed on a day. */
    private record DeadlineRow(Deadline deadline, LocalDate asOf) {
    }

    private static final Columns<DeadlineRow> DEADLINE = Columns.<DeadlineRow>of("upcoming_deadline")
            .column("deal_id", Types.VARCHAR, r -> r.deadline().dealId())
            .column("as_of_date", Types.DATE, r -> Date.valueOf(r.asOf()))
            .column("due_date", Types.DATE, r -> Date.valueOf(r.deadline().dueDate()))
            .column("subject", Types.VARCHAR, r -> r.deadline().subject())
            .column("obligation", Types.VARCHAR, r -> r.deadline().obligation())
            .column("clause", Types.VARCHAR, r -> r.deadline().clause())
            .column("amount", Types.DECIMAL, r -> r.deadline().amount())
            .column("detail", Types.VARCHAR, r -> r.deadline().detail());

    private final WriteBatch writes;

    public DeadlineTables(WriteBatch writes) {
        this.writes = writes;
    }

    public void replace(String dealId, LocalDate asOf, List<Deadline> deadlines) {
        writes.replace("upcoming_deadline", "deal_id", "as_of_date = ?", dealId, Date.valueOf(asOf));
        writes.insert(DEADLINE, deadlines.stream().map(d -> new DeadlineRow(d, asOf)).toList());
    }
}
