package org.debentures.compliance.store.output;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import org.debentures.compliance.rules.deadlines.Deadline;
import org.debentures.compliance.store.WriteBatch;

/** SQL of {@code upcoming_deadline}: a deal's deadlines as of a day replace those stored for that day. */
public final class DeadlineTables {

    private final WriteBatch writes;

    public DeadlineTables(WriteBatch writes) {
        this.writes = writes;
    }

    public void replace(String dealId, LocalDate asOf, List<Deadline> deadlines) {
        writes.replace("upcoming_deadline", "deal_id", "as_of_date = ?", dealId, Date.valueOf(asOf));
        writes.insert("upcoming_deadline", List.of("deal_id", "as_of_date", "due_date", "subject", "obligation", "clause",
                "amount", "detail"), deadlines.stream().map(d -> new Object[] {d.dealId(), Date.valueOf(asOf),
                Date.valueOf(d.dueDate()), d.subject(), d.obligation(), d.clause(), d.amount(), d.detail()}).toList(),
                new int[] {Types.VARCHAR, Types.DATE, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.DECIMAL, Types.VARCHAR});
    }
}
