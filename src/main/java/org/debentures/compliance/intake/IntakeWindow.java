package org.debentures.compliance.intake;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.terms.DealBook;
import org.debentures.compliance.terms.DealTerms;

/**
 * The dates an input row may carry (issue #8: dates before the deal or far in the future):
 * <ul>
 *   <li>no row is dated after the business date: a vendor or a person cannot know tomorrow's price
 *       or event;</li>
 *   <li>a filings-log row about an agreement or instrument is not dated before its deal starts
 *       (the earliest Closing or Issue Date);</li>
 *   <li>a price row, or a split or dividend, is not dated more than {@link #HISTORY_DAYS} days
 *       before the first deal on its symbol starts: earlier prices feed no Market Price window.</li>
 * </ul>
 */
public final class IntakeWindow {

    /** Days of history before a symbol's first deal that the job still accepts (Market Price windows). */
    public static final int HISTORY_DAYS = 60;
    /** Ends the reason of every row refused for a date after the business date. */
    public static final String FROM_THE_FUTURE = "a row from the future";

    private final LocalDate businessDate;
    private final Map<String, LocalDate> subjectStart = new HashMap<>();
    private final Map<String, LocalDate> symbolStart = new HashMap<>();

    public IntakeWindow(DealBook book, LocalDate businessDate) {
        this.businessDate = businessDate;
        for (DealTerms deal : book.deals()) {
            deal.instruments().forEach(i -> subjectStart.merge(i.id(), deal.startDate(), (a, b) -> a.isBefore(b) ? a : b));
            deal.registrationAgreements().forEach(a -> subjectStart.merge(a.id(), deal.startDate(), (x, y) -> x.isBefore(y) ? x : y));
            book.symbolStart(deal.symbol()).ifPresent(start -> symbolStart.put(deal.symbol(), start));
        }
    }

    /**
     * What, besides the business date, decides a price row's fate here: each symbol's first deal
     * start. Two windows with the same key and business date treat every price row alike.
     */
    public String priceRulesKey() {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(symbolStart).forEach((symbol, start) -> text.append(symbol).append('=').append(start).append(';'));
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A reason to reject a price row for its date, if any. */
    public Optional<String> check(PriceRow row) {
        return future(row.date()).or(() -> tooEarly(row.symbol(), row.date()));
    }

    /** A reason to reject a filings-log row for its date, if any. */
    public Optional<String> check(FilingEvent event) {
        Optional<String> future = future(event.date());
        if (future.isPresent()) {
            return future;
        }
        LocalDate start = subjectStart.get(event.subject());
        if (start != null && event.date().isBefore(start)) {
            return Optional.of("date " + event.date() + " is before the deal of " + event.subject() + " starts (" + start + ")");
        }
        return tooEarly(event.subject(), event.date());
    }

    private Optional<String> future(LocalDate date) {
        return date.isAfter(businessDate)
                ? Optional.of("date " + date + " is after the business date " + businessDate + ": " + FROM_THE_FUTURE)
                : Optional.empty();
    }

    private Optional<String> tooEarly(String symbol, LocalDate date) {
        LocalDate start = symbolStart.get(symbol);
        if (start != null && date.isBefore(start.minusDays(HISTORY_DAYS))) {
            return Optional.of("date " + date + " is more than " + HISTORY_DAYS + " days before the first deal on "
                    + symbol + " starts (" + start + "): not needed for any Market Price");
        }
        return Optional.empty();
    }
}
