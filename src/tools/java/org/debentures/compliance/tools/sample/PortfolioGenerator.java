package org.debentures.compliance.tools.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.calendar.ExchangeSessions;

/**
 * A SYNTHETIC portfolio for the benchmark (issue #9), seeded and re-runnable: {@code deals} deals on
 * as many symbols, {@code instruments} instruments spread over them (3 or 4 a deal), 5 years of daily
 * VWAP and closing bids per symbol on NYSE session days (one file per feed and year, every symbol in
 * it, as a vendor would send), and a filings log per deal with what a real one has: filings and
 * effectiveness (some late), suspensions, Allowed Delays, coverage notices, interest payments (most on
 * time, some late), conversions and deliveries (some late), splits, repayment at maturity. Prices
 * start 40 days before each deal's Closing Date (enough history for the first Market Price). {@code --through=DATE} stops the history on that day; {@code --day=DATE} writes only that
 * day's price files (the nightly delivery).
 *
 * <p>Usage: {@code java -cp debenture-compliance.jar -Dloader.main=org.debentures.compliance.tools.sample.PortfolioGenerator
 * org.springframework.boot.loader.launch.PropertiesLauncher DIR [seed] [deals] [instruments] [--through=D] [--day=D]}
 */
public final class PortfolioGenerator {

    static final LocalDate FIRST_CLOSING = LocalDate.parse("2002-01-02");

    private record Deal(String id, String symbol, LocalDate closing, List<String> instruments, List<Long> principals,
                        List<String> agreements, double conversionPrice, double startPrice, double drift) {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long seed = args.length > 1 && !args[1].startsWith("--") ? Long.parseLong(args[1]) : 42L;
        int deals = args.length > 2 && !args[2].startsWith("--") ? Integer.parseInt(args[2]) : 300;
        int instruments = args.length > 3 && !args[3].startsWith("--") ? Integer.parseInt(args[3]) : 1000;
        LocalDate through = null;
        LocalDate day = null;
        for (String arg : args) {
            if (arg.startsWith("--through=")) {
                through = LocalDate.parse(arg.substring(10));
            } else if (arg.startsWith("--day=")) {
                day = LocalDate.parse(arg.substring(6));
            }
        }
        new PortfolioGenerator().write(dir, seed, deals, instruments, through, day);
    }

    public void write(Path dir, long seed, int dealCount, int instrumentCount, LocalDate through, LocalDate onlyDay) {
        Random random = new Random(seed);
        List<Deal> deals = deals(random, dealCount, instrumentCount);
        try {
            if (onlyDay == null) {
                writeDeals(dir, deals);
                writeFilings(dir, deals, new Random(seed + 1), through);
            }
            writePrices(dir, deals, seed, through, onlyDay);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Deal> deals(Random random, int dealCount, int instrumentCount) {
        List<Deal> deals = new ArrayList<>();
        int remaining = instrumentCount;
        for (int d = 0; d < dealCount; d++) {
            int left = dealCount - d;
            int n = Math.max(1, Math.min(4, Math.round((float) remaining / left)));
            remaining -= n;
            String id = String.format(Locale.ROOT, "DEAL-%03d", d + 1);
            String symbol = String.format(Locale.ROOT, "S%03d", d + 1);
            LocalDate closing = FIRST_CLOSING.plusDays(random.nextInt(150));
            List<String> instruments = new ArrayList<>();
            List<Long> principals = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                instruments.add(id + "-I" + (i + 1));
                principals.add(1_000_000L + 250_000L * random.nextInt(13));
            }
            List<String> agreements = n > 2 ? List.of(id + "-RRA-A", id + "-RRA-B") : List.of(id + "-RRA-A");
            double start = 2 + random.nextDouble() * 18;
            deals.add(new Deal(id, symbol, closing, instruments, principals, agreements,
                    Math.round(start * 1.1 * 10000) / 10000.0, start, (random.nextDouble() - 0.4) * 0.0008));
        }
        return deals;
    }

    private static void writeDeals(Path dir, List<Deal> deals) throws IOException {
        Path folder = dir.resolve("deals");
        Files.createDirectories(folder);
        for (Deal deal : deals) {
            StringBuilder yml = new StringBuilder();
            yml.append("# SYNTHETIC benchmark deal\nid: ").append(deal.id()).append("\nissuer: \"Issuer of ").append(deal.id())
                    .append("\"\nsymbol: ").append(deal.symbol()).append("\nclosing-date: ").append(deal.closing()).append('\n');
            yml.append("""
                    switches:
                      deadline-convention: FOLLOWING
                      prices-split-adjusted: false
                      vwap-test-reading: PERCENT_OF
                      coverage-cure: FILED
                      penalty-period-counting: CUMULATIVE
                      compound-unpaid-interest: true
                    interest:
                      day-count-basis: 365
                      scheduled-payment-dates: ["01-01", "07-01"]
                    market-price:
                      trading-days: 5
                    conversion:
                      delivery-business-days: 3
                    default-interest:
                      payment-business-days-after-month-end: 5
                    event-of-default:
                      effectiveness-deadline-days: 180
                      interest-grace-business-days: 5
                      redemption-premium: 1.20
                    mandatory-conversion:
                      multiple: 2.00
                      window-trading-days: 30
                      required-trading-days: 20
                      observation-months: 17
                      min-months: 18
                      max-halt-business-days: 3
                    instruments:
                    """);
            for (int i = 0; i < deal.instruments().size(); i++) {
                yml.append("  - id: ").append(deal.instruments().get(i)).append('\n')
                        .append("    holder: \"Holder ").append(i + 1).append("\"\n")
                        .append("    principal: ").append(deal.principals().get(i)).append(".00\n")
                        .append("    issue-date: ").append(deal.closing()).append('\n')
                        .append("    maturity-date: ").append(deal.closing().plusYears(5)).append('\n')
                        .append("    conversion-price: ").append(String.format(Locale.ROOT, "%.4f", deal.conversionPrice())).append('\n')
                        .append("    interest-rate: 0.05\n    default-interest-rate: 0.24\n    ownership-cap: 0.0999\n")
                        .append("    registration-agreement: ").append(deal.agreements().get(i % deal.agreements().size())).append('\n');
            }
            yml.append("registration-agreements:\n");
            for (int a = 0; a < deal.agreements().size(); a++) {
                yml.append("  - id: ").append(deal.agreements().get(a)).append('\n')
                        .append("    description: \"Registration Rights Agreement ").append(a + 1).append("\"\n")
                        .append("    filing-deadline-days: 31\n    registration-deadline-days: 120\n")
                        .append(a == 0 ? "    first-period-rate: 0.015\n    later-period-rate: 0.02\n"
                                : "    first-period-rate: null\n    later-period-rate: null\n")
                        .append("    period-days: 30\n    allowed-delay:\n      max-consecutive-business-days: 5\n")
                        .append("      max-days-per-window: 30\n      window-months: 12\n    coverage-cure-days: 10\n")
                        .append("    penalty-enabled: ").append(a == 0).append('\n');
            }
            Files.writeString(folder.resolve(deal.id().toLowerCase(Locale.ROOT) + ".yml"), yml.toString());
        }
    }

    private static void writeFilings(Path dir, List<Deal> deals, Random random, LocalDate through) throws IOException {
        Path folder = dir.resolve("filings");
        Files.createDirectories(folder);
        BusinessDays bd = BusinessDays.newYork();
        for (Deal deal : deals) {
            TreeMap<String, String> rows = new TreeMap<>();
            int seq = 0;
            LocalDate c = deal.closing();
            for (String agreement : deal.agreements()) {
                LocalDate filed = c.plusDays(20 + random.nextInt(16));
                LocalDate effective = c.plusDays(100 + random.nextInt(40));
                rows.put(key(filed, seq++), filed + ",REGISTRATION_FILED," + agreement + ",,2000000,,,S-3,");
                rows.put(key(effective, seq++), effective + ",REGISTRATION_EFFECTIVE," + agreement + ",,,,,S-3,");
                LocalDate cursor = effective.plusDays(30);
                for (int e = 0; e < 3; e++) {
                    cursor = cursor.plusDays(120 + random.nextInt(200));
                    boolean delay = random.nextBoolean();
                    LocalDate end = cursor.plusDays(2 + random.nextInt(delay ? 9 : 4));
                    rows.put(key(cursor, seq++), cursor + (delay ? ",ALLOWED_DELAY_START," : ",SALES_SUSPENDED,") + agreement
                            + ",,,,,," + (delay ? "\"pending transaction\"" : "stale prospectus"));
                    rows.put(key(end, seq++), end + (delay ? ",ALLOWED_DELAY_END," : ",SALES_RESUMED,") + agreement + ",,,,,,");
                    cursor = end;
                }
                if (random.nextInt(3) == 0) {
                    LocalDate notice = effective.plusDays(400 + random.nextInt(300));
                    LocalDate amended = notice.plusDays(5 + random.nextInt(12));
                    rows.put(key(notice, seq++), notice + ",COVERAGE_NOTICE," + agreement + ",,,,,,");
                    rows.put(key(amended, seq++), amended + ",REGISTRATION_AMENDED," + agreement + ",,2500000,,,S-3/A,");
                }
            }
            double price = deal.conversionPrice();
            if (random.nextInt(4) == 0) {
                LocalDate split = c.plusDays(500 + random.nextInt(600));
                rows.put(key(split, seq++), split + ",STOCK_SPLIT," + deal.symbol() + ",,,2,,,");
                price = price / 2;
            }
            for (int i = 0; i < deal.instruments().size(); i++) {
                String instrument = deal.instruments().get(i);
                long principal = deal.principals().get(i);
                double daily = principal * 0.05 / 365;
                LocalDate periodStart = c;
                LocalDate due = LocalDate.of(c.getYear(), c.getMonthValue() < 7 ? 7 : 12, 1);
                due = c.getMonthValue() < 7 ? due : LocalDate.of(c.getYear() + 1, 1, 1);
                while (due.isBefore(c.plusYears(5))) {
                    double amount = Math.round(daily * ChronoUnit.DAYS.between(periodStart, due) * 100) / 100.0;
                    LocalDate paid = random.nextInt(12) == 0 ? due.plusDays(10 + random.nextInt(30)) : bd.nextOrSame(due);
                    rows.put(key(paid, seq++), paid + ",INTEREST_PAID," + instrument + ","
                            + String.format(Locale.ROOT, "%.2f", amount) + ",,,,,");
                    periodStart = due;
                    due = due.getMonthValue() == 7 ? LocalDate.of(due.getYear() + 1, 1, 1) : LocalDate.of(due.getYear(), 7, 1);
                }
                if (random.nextInt(3) == 0) {
                    LocalDate conversion = bd.nextOrSame(c.plusDays(300 + random.nextInt(900)));
                    long amount = principal / 4;
                    String ref = instrument + "-C1";
                    rows.put(key(conversion, seq++), conversion + ",CONVERSION," + instrument + "," + amount + ".00,"
                            + (long) Math.ceil(amount / price) + ",,,"+ ref + ",");
                    LocalDate delivered = bd.businessDaysAfter(conversion, random.nextInt(5) == 0 ? 6 : 2);
                    rows.put(key(delivered, seq++), delivered + ",SHARES_DELIVERED," + instrument + ",,,,," + ref + ",");
                    principal -= amount;
                }
                LocalDate maturity = c.plusYears(5);
                rows.put(key(maturity, seq++), maturity + ",PRINCIPAL_REPAID," + instrument + "," + principal + ".00,,,,,");
            }
            try (BufferedWriter out = Files.newBufferedWriter(folder.resolve(deal.id().toLowerCase(Locale.ROOT) + ".csv"),
                    StandardCharsets.UTF_8)) {
                out.write("date,type,subject,amount,shares,ratio,price,document,note\n");
                for (var row : rows.entrySet()) {
                    if (through == null || !LocalDate.parse(row.getKey().substring(0, 10)).isAfter(through)) {
                        out.write(row.getValue());
                        out.write('\n');
                    }
                }
            }
        }
    }

    private static String key(LocalDate date, int seq) {
        return date + String.format(Locale.ROOT, "-%06d", seq);
    }

    private static void writePrices(Path dir, List<Deal> deals, long seed, LocalDate through, LocalDate onlyDay)
            throws IOException {
        ExchangeSessions nyse = ExchangeSessions.nyse();
        Path vwapDir = dir.resolve("prices/vwap");
        Path bidDir = dir.resolve("prices/closing-bid");
        Files.createDirectories(vwapDir);
        Files.createDirectories(bidDir);
        LocalDate first = FIRST_CLOSING.minusDays(40);
        LocalDate last = through != null ? through : FIRST_CLOSING.plusDays(150).plusYears(5);
        if (onlyDay != null) {
            last = onlyDay;
        }
        double[] level = new double[deals.size()];
        Random[] randoms = new Random[deals.size()];
        for (int d = 0; d < deals.size(); d++) {
            level[d] = deals.get(d).startPrice();
            randoms[d] = new Random(seed * 31 + d);
        }
        BufferedWriter vwap = null;
        BufferedWriter bid = null;
        int year = -1;
        try {
            for (LocalDate day = nyse.nextOrSame(first); !day.isAfter(last); day = nyse.next(day)) {
                boolean write = onlyDay == null || day.equals(onlyDay);
                if (write && (day.getYear() != year || vwap == null)) {
                    if (vwap != null) {
                        vwap.close();
                        bid.close();
                    }
                    year = day.getYear();
                    String name = onlyDay != null ? "nightly-" + day + ".csv" : "history-" + year + ".csv";
                    vwap = Files.newBufferedWriter(vwapDir.resolve(name), StandardCharsets.UTF_8);
                    bid = Files.newBufferedWriter(bidDir.resolve(name), StandardCharsets.UTF_8);
                    vwap.write("symbol,date,vwap,volume\n");
                    bid.write("symbol,date,closing_bid\n");
                }
                for (int d = 0; d < deals.size(); d++) {
                    Random r = randoms[d];
                    level[d] = Math.max(0.2, level[d] * Math.exp(deals.get(d).drift() + 0.025 * r.nextGaussian()));
                    double v = level[d] * (1 + 0.003 * r.nextGaussian());
                    double b = level[d] * (0.99 + 0.002 * r.nextGaussian());
                    long volume = 10_000 + (long) (r.nextDouble() * 500_000);
                    if (write && !day.isBefore(deals.get(d).closing().minusDays(40))) {
                        String symbol = deals.get(d).symbol();
                        vwap.write(symbol + "," + day + "," + String.format(Locale.ROOT, "%.4f", v) + "," + volume + "\n");
                        bid.write(symbol + "," + day + "," + String.format(Locale.ROOT, "%.2f", b) + "\n");
                    }
                }
            }
        } finally {
            if (vwap != null) {
                vwap.close();
                bid.close();
            }
        }
    }
}
