package org.debentures.compliance.tools.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.debentures.compliance.calendar.ExchangeSessions;

/**
 * Writes the SYNTHETIC sample price feeds of {@code data/} for the Ramtron deal: RMTR daily VWAP
 * (with volume) and closing bids on NYSE session days from 2002-03-28 to 2007-03-28. The prices
 * are invented, not Ramtron's: a seeded random walk around a hand-drawn path (a slump in 2002, a
 * rally above twice the Conversion Price in 2004, the 2-for-1 split of 2004-09-08 and the 5% stock
 * dividend of 2005-06-15 that the sample filings log records), so that every rule has something to
 * find. Re-running with the same seed writes the same bytes.
 *
 * <p>Deliberate flaws, matched by the sample filings log or meant as findings:
 * <ul>
 *   <li>2004-06-14 and 2004-06-15: no rows (trading halted; the log has TRADING_HALTED/RESUMED);</li>
 *   <li>2005-08-15: no rows at all (a data gap: PRICE_MISSING);</li>
 *   <li>2006-02-10: a VWAP row but no closing bid (PRICE_MISSING, then MARKET_PRICE_UNAVAILABLE);</li>
 *   <li>the closing bids of 2004-09-01 .. 2004-09-08 are those of SPEC §11 example 6;</li>
 *   <li>{@code prices/closing-bid/RMTR-corrections-2005.csv} (sorts after the yearly files, so it is read last): a restated bid, a repeated
 *       row and two bad rows (PRICE_RESTATED, a duplicate, rejects).</li>
 * </ul>
 * The floating-point random walk only draws the invented path; every price written is a decimal
 * string with 2 (bids) or 4 (VWAP) places, read by the job as {@code BigDecimal}.
 *
 * <p>Usage: {@code java -cp target/debenture-compliance.jar -Dloader.main=... } or
 * {@code ./mvnw -q exec:java}; simplest: {@code jobs/generate-sample-data.sh [DATA_DIR] [SEED]}.
 */
public final class SampleDataGenerator {

    public static final long DEFAULT_SEED = 20020328L;
    static final String SYMBOL = "RMTR";
    static final LocalDate FIRST = LocalDate.parse("2002-03-28");
    static final LocalDate LAST = LocalDate.parse("2007-03-28");
    static final LocalDate SPLIT = LocalDate.parse("2004-09-08");
    static final LocalDate DIVIDEND = LocalDate.parse("2005-06-15");
    static final Set<LocalDate> HALTED = Set.of(LocalDate.parse("2004-06-14"), LocalDate.parse("2004-06-15"));
    static final LocalDate NO_ROWS = LocalDate.parse("2005-08-15");
    static final LocalDate NO_BID = LocalDate.parse("2006-02-10");
    static final Map<LocalDate, String> PINNED_BIDS = Map.of(
            LocalDate.parse("2004-09-01"), "6.10", LocalDate.parse("2004-09-02"), "6.20",
            LocalDate.parse("2004-09-03"), "6.30", LocalDate.parse("2004-09-07"), "6.40",
            LocalDate.parse("2004-09-08"), "3.25");

    /** The hand-drawn path on the pre-split share basis: (date, price level). */
    private static final TreeMap<LocalDate, Double> ANCHORS = new TreeMap<>(Map.of(
            LocalDate.parse("2002-03-28"), 3.60, LocalDate.parse("2002-10-01"), 2.40,
            LocalDate.parse("2003-06-02"), 3.30, LocalDate.parse("2003-12-01"), 6.20,
            LocalDate.parse("2004-02-16"), 8.60, LocalDate.parse("2004-05-14"), 8.20,
            LocalDate.parse("2004-08-25"), 6.20, LocalDate.parse("2005-06-01"), 7.20,
            LocalDate.parse("2006-06-01"), 6.00, LocalDate.parse("2007-03-28"), 7.80));

    private record Day(LocalDate date, String vwap, long volume, String bid) {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "data");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        List<Path> written = new SampleDataGenerator().write(dataDir, seed);
        written.forEach(p -> System.out.println("wrote " + p));
    }

    public List<Path> write(Path dataDir, long seed) {
        List<Day> days = simulate(seed);
        List<Path> written = new ArrayList<>();
        Path vwapDir = dataDir.resolve("prices/vwap");
        Path bidDir = dataDir.resolve("prices/closing-bid");
        for (int year = FIRST.getYear(); year <= LAST.getYear(); year++) {
            final int y = year;
            List<Day> inYear = days.stream().filter(d -> d.date().getYear() == y).toList();
            List<String> vwapLines = new ArrayList<>(List.of("symbol,date,vwap,volume"));
            List<String> bidLines = new ArrayList<>(List.of("date,symbol,closing_bid")); // another column order
            for (Day d : inYear) {
                vwapLines.add(SYMBOL + "," + d.date() + "," + d.vwap() + "," + d.volume());
                if (d.bid() != null) {
                    bidLines.add(d.date() + "," + SYMBOL + "," + d.bid());
                }
            }
            written.add(writeLines(vwapDir.resolve(SYMBOL + "-" + year + ".csv"), vwapLines));
            written.add(writeLines(bidDir.resolve(SYMBOL + "-" + year + ".csv"), bidLines));
        }
        Day restated = days.stream().filter(d -> d.date().equals(LocalDate.parse("2005-03-15"))).findFirst().orElseThrow();
        Day repeated = days.stream().filter(d -> d.date().equals(LocalDate.parse("2005-03-16"))).findFirst().orElseThrow();
        String corrected = String.format(Locale.ROOT, "%.2f", Double.parseDouble(restated.bid()) + 0.05);
        written.add(writeLines(bidDir.resolve(SYMBOL + "-corrections-2005.csv"), List.of(
                "symbol,date,closing_bid",
                SYMBOL + "," + restated.date() + "," + corrected,
                SYMBOL + "," + repeated.date() + "," + repeated.bid(),
                SYMBOL + ",2005-03-17,-" + repeated.bid(),
                SYMBOL + ",2005-02-30,3.50")));
        return written;
    }

    private List<Day> simulate(long seed) {
        Random random = new Random(seed);
        ExchangeSessions sessions = ExchangeSessions.nyse();
        List<Day> days = new ArrayList<>();
        double deviation = 0; // log deviation from the path, mean-reverting
        for (LocalDate date = sessions.nextOrSame(FIRST); !date.isAfter(LAST); date = sessions.next(date)) {
            deviation = 0.85 * deviation + 0.03 * random.nextGaussian();
            double level = path(date) * Math.exp(deviation);
            double vwap = level * (1 + 0.004 * random.nextGaussian());
            double bid = level * (0.99 + 0.003 * random.nextGaussian());
            long volume = 40_000 + (long) (random.nextDouble() * 360_000);
            if (HALTED.contains(date) || date.equals(NO_ROWS)) {
                continue;
            }
            String bidText = PINNED_BIDS.getOrDefault(date, String.format(Locale.ROOT, "%.2f", bid));
            days.add(new Day(date, String.format(Locale.ROOT, "%.4f", vwap), volume,
                    date.equals(NO_BID) ? null : bidText));
        }
        return days;
    }

    /** The path on the share basis in force on {@code date} (halved after the split, /1.05 after the dividend). */
    private static double path(LocalDate date) {
        Map.Entry<LocalDate, Double> before = ANCHORS.floorEntry(date);
        Map.Entry<LocalDate, Double> after = ANCHORS.ceilingEntry(date);
        double level;
        if (after == null || before.getKey().equals(date)) {
            level = before.getValue();
        } else {
            double span = after.getKey().toEpochDay() - before.getKey().toEpochDay();
            double t = (date.toEpochDay() - before.getKey().toEpochDay()) / span;
            level = Math.exp(Math.log(before.getValue()) * (1 - t) + Math.log(after.getValue()) * t);
        }
        if (!date.isBefore(SPLIT)) {
            level /= 2;
        }
        if (!date.isBefore(DIVIDEND)) {
            level /= 1.05;
        }
        return level;
    }

    private static Path writeLines(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (String line : lines) {
                    out.write(line);
                    out.write('\n');
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
