package org.debentures.compliance.job.intake;

import org.debentures.compliance.store.intake.IntakeItem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.debentures.compliance.dealfile.DealFileLoader;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.intake.FilingLogResolution;
import org.debentures.compliance.intake.FilingRowRule;
import org.debentures.compliance.intake.IntakeWindow;
import org.debentures.compliance.intake.KnownSubjects;
import org.debentures.compliance.intake.PriceRow;
import org.debentures.compliance.intake.PriceRowResolution;
import org.debentures.compliance.intake.PriceRowRule;
import org.debentures.compliance.intake.Sourced;
import org.debentures.compliance.rules.market.PriceFeed;
import org.debentures.compliance.terms.DealBook;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Issue #8: coverage-guided fuzzing (Jazzer) of CSV parsing and row validation. Any bytes, as a
 * price or filings file: no uncaught exception, every record either accepted or rejected with a
 * reason, and the file's read count equals the records handed out. The cross-row rules run on
 * what was accepted. Without {@code -Pfuzz} this replays the seed corpus only.
 */
class CsvIntakeFuzzTest {

    static {
        // one log line per fuzzed file would drown the fuzzer's own output
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(CsvFilesReader.class))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    private static final DealBook BOOK = new DealFileLoader().load(Path.of("data").toAbsolutePath(), Map.of());
    private static final IntakeWindow WINDOW = new IntakeWindow(BOOK, LocalDate.parse("2026-11-21"));
    private static final Map<String, BigDecimal> PRINCIPALS = Map.of("BRAMWELL-2002", new BigDecimal("2500000"),
            "HALIFAX-2002", new BigDecimal("2500000"), "INFINEON-2002", new BigDecimal("3000000"));

    @FuzzTest(maxDuration = "60s")
    void everyRecordIsAcceptedOrRejectedWithAReason(FuzzedDataProvider data) throws IOException {
        int kind = data.consumeInt(0, 2);
        byte[] content = data.consumeRemainingAsBytes();
        Path dir = Files.createTempDirectory("fuzz");
        try {
            String folder = kind == 0 ? PriceFeed.VWAP.folder() : kind == 1 ? PriceFeed.CLOSING_BID.folder() : "filings";
            Files.createDirectories(dir.resolve(folder));
            Files.write(dir.resolve(folder).resolve("fuzz.csv"), content);
            List<String> required = kind == 2 ? FilingRowRule.REQUIRED_COLUMNS
                    : new PriceRowRule(kind == 0 ? PriceFeed.VWAP : PriceFeed.CLOSING_BID).requiredColumns();
            CsvFilesReader reader = new CsvFilesReader(dir, InputFiles.csvFiles(dir, folder), required);
            ExecutionContext context = new ExecutionContext();
            reader.open(context);
            List<IntakeItem> items = new ArrayList<>();
            int records = 0;
            for (CsvRecord record = reader.read(); record != null; record = reader.read()) {
                records++;
                IntakeItem item = kind == 2 ? new FilingIntakeProcessor(KnownSubjects.of(BOOK), WINDOW).process(record)
                        : new PriceIntakeProcessor(kind == 0 ? PriceFeed.VWAP : PriceFeed.CLOSING_BID, WINDOW).process(record);
                assertNotNull(item);
                if (item instanceof IntakeItem.Reject reject) {
                    assertTrue(reject.reason() != null && !reject.reason().isBlank(), "a reject has a reason");
                    assertTrue(reject.ref().line() >= 1);
                }
                items.add(item);
            }
            reader.update(context);
            reader.close();
            assertEquals(records, CsvFilesReader.readCounts(context).getOrDefault(folder + "/fuzz.csv", 0L).intValue());
            List<Sourced<PriceRow>> prices = new ArrayList<>();
            List<Sourced<FilingEvent>> filings = new ArrayList<>();
            for (IntakeItem item : items) {
                if (item instanceof IntakeItem.StagedPrice p) {
                    prices.add(new Sourced<>(p.row(), p.ref()));
                } else if (item instanceof IntakeItem.StagedFiling f) {
                    filings.add(new Sourced<>(f.event(), f.ref()));
                }
            }
            assertEquals(prices.size(), PriceRowResolution.resolve(prices).outcomes().size());
            assertEquals(filings.size(), FilingLogResolution.resolve(filings, PRINCIPALS).size());
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
