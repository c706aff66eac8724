package org.debentures.compliance.batch.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes what {@link SymbolDealsProcessor} worked out for the deals on one symbol, rule by rule,
 * with each rule's writer: Market Prices, registration defaults, interest ledgers, conversion,
 * upcoming deadlines.
 */
public class SymbolDealsWriter implements ItemWriter<SymbolDealsProcessor.Output> {

    private final SymbolMarketWriter market;
    private final RegistrationDefaultsWriter registration;
    private final InterestTables interestTables;
    private final PenaltyTables penalties;
    private final OutputTables outputs;
    private final InstrumentConversionWriter conversion;
    private final DeadlineTables deadlines;
    private final LocalDate from;
    private final LocalDate to;
    private final long runId;
    private long marketNanos;

    public SymbolDealsWriter(WriteBatch writes, OutputTables outputs, LocalDate from, LocalDate to, long runId) {
        this.outputs = outputs;
        this.penalties = new PenaltyTables(writes);
        this.interestTables = new InterestTables(writes);
        this.market = new SymbolMarketWriter(outputs, from, to, runId);
        this.registration = new RegistrationDefaultsWriter(penalties, outputs, from, to, runId);
        this.conversion = new InstrumentConversionWriter(new ConversionTables(writes), outputs, from, to, runId);
        this.deadlines = new DeadlineTables(writes);
        this.from = from;
        this.to = to;
        this.runId = runId;
    }

    /** Time spent so far queuing Market Price rows and exceptions (sent with the rest at each flush). */
    public long marketNanos() {
        return marketNanos;
    }

    @Override
    public void write(Chunk<? extends SymbolDealsProcessor.Output> chunk) throws Exception {
        for (SymbolDealsProcessor.Output out : chunk) {
            long started = System.nanoTime();
            market.write(Chunk.of(out.market()));
            marketNanos += System.nanoTime() - started;
            registration.write(new Chunk<>(out.registration()));
            new InterestLedgerWriter(interestTables, penalties, outputs, from, to, runId,
                    id -> out.registrationEventsOfDefault().getOrDefault(id, List.of())).write(new Chunk<>(out.interest()));
            conversion.write(new Chunk<>(out.conversion()));
            out.deadlines().forEach((dealId, upcoming) -> deadlines.replace(dealId, to, upcoming));
        }
    }
}
