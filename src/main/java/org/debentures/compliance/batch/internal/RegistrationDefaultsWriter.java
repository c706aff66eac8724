package org.debentures.compliance.batch.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.penalty.PenaltyKind;
import org.debentures.compliance.registration.RegistrationFindings;
import org.debentures.compliance.terms.Instrument;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Writes one agreement's default days, accruals, balances and exceptions, replacing the range's rows. */
public class RegistrationDefaultsWriter implements ItemWriter<RegistrationDefaultsProcessor.Output> {

    static final EnumSet<ExceptionCode> AGREEMENT_CODES = EnumSet.of(ExceptionCode.FILING_LATE,
            ExceptionCode.EFFECTIVENESS_LATE, ExceptionCode.SALES_UNAVAILABLE, ExceptionCode.ALLOWED_DELAY_EXCEEDED,
            ExceptionCode.COVERAGE_AMENDMENT_LATE);

    private final PenaltyTables tables;
    private final OutputTables outputs;
    private final LocalDate from;
    private final LocalDate to;
    private final long runId;

    public RegistrationDefaultsWriter(PenaltyTables tables, OutputTables outputs, LocalDate from, LocalDate to, long runId) {
        this.tables = tables;
        this.outputs = outputs;
        this.from = from;
        this.to = to;
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends RegistrationDefaultsProcessor.Output> chunk) {
        for (RegistrationDefaultsProcessor.Output out : chunk) {
            tables.replaceDefaultDays(out.agreement().id(), from, to, out.defaults().days(),
                    out.deal().switches().penaltyPeriodCounting().name());
            outputs.replaceFindings(out.agreement().id(), AGREEMENT_CODES, from, to, out.agreementFindings(), runId);
            for (Instrument instrument : out.instruments()) {
                tables.replaceAccruals(instrument.id(), PenaltyKind.REGISTRATION_DEFAULT, from, to, out.accruals());
                tables.replaceBalance(instrument.id(), PenaltyKind.REGISTRATION_DEFAULT, to, out.balances().get(instrument.id()));
                outputs.replaceFindings(instrument.id(), EnumSet.of(ExceptionCode.EVENT_OF_DEFAULT),
                        RegistrationFindings.EVENT_OF_DEFAULT_CLAUSE, from, to, out.eventsOfDefault().get(instrument.id()), runId);
            }
        }
    }
}
