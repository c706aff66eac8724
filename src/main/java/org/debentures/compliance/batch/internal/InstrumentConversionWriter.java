package org.debentures.compliance.batch.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import org.debentures.compliance.findings.ExceptionCode;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Writes one instrument's VWAP test rows, price history, exceptions and readiness, replacing the range's rows. */
public class InstrumentConversionWriter implements ItemWriter<InstrumentConversionProcessor.Output> {

    static final EnumSet<ExceptionCode> CODES = EnumSet.of(ExceptionCode.VWAP_TEST_MET, ExceptionCode.VWAP_TEST_NEAR);

    private final ConversionTables tables;
    private final OutputTables outputs;
    private final LocalDate from;
    private final LocalDate to;
    private final long runId;

    public InstrumentConversionWriter(ConversionTables tables, OutputTables outputs, LocalDate from, LocalDate to,
                                      long runId) {
        this.tables = tables;
        this.outputs = outputs;
        this.from = from;
        this.to = to;
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends InstrumentConversionProcessor.Output> chunk) {
        for (InstrumentConversionProcessor.Output out : chunk) {
            tables.replaceVwapTest(out.instrument().id(), from, to, out.deal().switches().vwapTestReading(), out.vwapTest());
            tables.replacePriceHistory(out.history(), to);
            outputs.replaceFindings(out.instrument().id(), CODES, from, to, out.findings(), runId);
            tables.replaceReadiness(out.readiness(), runId);
        }
    }
}
