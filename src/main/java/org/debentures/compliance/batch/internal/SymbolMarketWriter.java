package org.debentures.compliance.batch.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Replaces the range's {@code market_price} rows and the symbol's price exceptions, per symbol. */
public class SymbolMarketWriter implements ItemWriter<SymbolMarketProcessor.Output> {

    static final EnumSet<ExceptionCode> CODES = EnumSet.of(ExceptionCode.MARKET_PRICE_UNAVAILABLE,
            ExceptionCode.PRICE_MISSING, ExceptionCode.PRICE_RESTATED);

    private final OutputTables tables;
    private final LocalDate from;
    private final LocalDate to;
    private final long runId;

    public SymbolMarketWriter(OutputTables tables, LocalDate from, LocalDate to, long runId) {
        this.tables = tables;
        this.from = from;
        this.to = to;
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends SymbolMarketProcessor.Output> chunk) {
        for (SymbolMarketProcessor.Output output : chunk) {
            tables.replaceMarketPrices(output.symbol(), from, to, output.report().marketPrices());
            List<Finding> findings = new ArrayList<>(output.report().findings());
            findings.addAll(output.restatements());
            tables.replaceFindings(output.symbol(), CODES, from, to, findings, runId);
        }
    }
}
