package org.debentures.compliance.batch.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.interest.InterestFindings;
import org.debentures.compliance.penalty.PenaltyKind;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Writes one instrument's interest ledger, conversions, Conversion Default accruals and exceptions. */
public class InterestLedgerWriter implements ItemWriter<InterestLedgerProcessor.Output> {

    static final EnumSet<ExceptionCode> CODES = EnumSet.copyOf(InterestFindings.CODES);

    private final InterestTables tables;
    private final PenaltyTables penalties;
    private final OutputTables outputs;
    private final LocalDate from;
    private final LocalDate to;
    private final long runId;

    private final java.util.function.Function<String, List<Finding>> registrationClauses;

    public InterestLedgerWriter(InterestTables tables, PenaltyTables penalties, OutputTables outputs, LocalDate from,
                                LocalDate to, long runId,
                                java.util.function.Function<String, List<Finding>> registrationEventsOfDefault) {
        this.registrationClauses = registrationEventsOfDefault;
        this.tables = tables;
        this.penalties = penalties;
        this.outputs = outputs;
        this.from = from;
        this.to = to;
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends InterestLedgerProcessor.Output> chunk) {
        for (InterestLedgerProcessor.Output out : chunk) {
            String id = out.instrument().id();
            tables.replaceAccruals(id, from, to, out.ledger().days());
            tables.replaceDues(id, from, to, out.ledger().dues());
            tables.replaceDefaultInterestMonths(id, from, to, out.ledger().months());
            tables.replaceDeliveries(id, to, out.conversions().deliveries());
            penalties.replaceAccruals(id, PenaltyKind.CONVERSION_DEFAULT, from, to, out.conversions().accruals());
            penalties.replaceBalance(id, PenaltyKind.CONVERSION_DEFAULT, to, out.conversionDefaultBalance());
            List<Finding> eventsOfDefault = out.findings().stream()
                    .filter(f -> f.code() == ExceptionCode.EVENT_OF_DEFAULT).toList();
            outputs.replaceFindings(id, CODES, from, to,
                    out.findings().stream().filter(f -> f.code() != ExceptionCode.EVENT_OF_DEFAULT).toList(), runId);
            outputs.replaceFindings(id, EnumSet.of(ExceptionCode.EVENT_OF_DEFAULT), InterestFindings.EVENT_OF_DEFAULT_CLAUSE,
                    from, to, eventsOfDefault, runId);
            tables.replaceRedemptionPrices(id, from, to, out.redemptionPrices(), out.findings(), registrationClauses.apply(id));
        }
    }
}
