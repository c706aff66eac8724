package org.debentures.compliance.rules.conversion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.money.MoneyFormat;
import org.debentures.compliance.rules.market.CorporateAction;
import org.debentures.compliance.terms.Instrument;

/**
 * One instrument's Conversion Price history as the job knows it (Debenture §4; SPEC §4, §15): the issue-date
 * price, the symbol's splits and stock dividends (4(a)(A)-(C)) and its issuances (4(a)(D)-(F)) with the 4(h)
 * exemptions as they hold for this instrument. Every step that needs a Conversion Price reads this one history
 * ({@link ConversionPriceStep} works it out once per instrument).
 *
 * <p>4(h)(v) and {@code strategic-issuance-cap}: the instrument's cap x the shares outstanding in force on its
 * Issue Date bounds the total of the {@code 4(h)(v)} shares issued after the Issue Date; the issuance that takes the
 * total above it, and every later {@code 4(h)(v)} one, is not exempt for the instrument (the whole issuance
 * adjusts). Without shares outstanding known on the Issue Date such an issuance is not computable for it.
 */
public final class ConversionPrices {

    /** The filings-log types the history reads besides the splits. */
    public static final List<EventType> EVENTS = List.of(EventType.SHARES_OUTSTANDING, EventType.ISSUANCE);

    private ConversionPrices() {
    }

    /**
     * @param symbolEvents the symbol's {@code SHARES_OUTSTANDING} and {@code ISSUANCE} rows, in date then read order
     * @param marketPrice the Market Price as of a day, {@code null} when unavailable
     */
    public static ConversionPriceHistory history(Instrument instrument, List<CorporateAction> corporateActions,
                                                 List<FilingEvent> symbolEvents, Function<LocalDate, BigDecimal> marketPrice) {
        List<ConversionPriceAdjustment> adjustments = new ArrayList<>();
        corporateActions.forEach(action -> adjustments.add(ShareCountAdjustment.of(action)));
        SharesOutstanding outstanding = new SharesOutstanding(symbolEvents);
        BigDecimal cap = instrument.strategicIssuanceCap();
        Long atIssue = outstanding.inForceOn(instrument.issueDate());
        BigDecimal capShares = cap == null || atIssue == null ? null : cap.multiply(BigDecimal.valueOf(atIssue));
        long strategicTotal = 0;
        boolean capExceeded = false;
        for (FilingEvent e : symbolEvents) {
            if (e.type() != EventType.ISSUANCE || !e.date().isAfter(instrument.issueDate())) {
                continue; // an issuance on or before the Issue Date is in the issue-date price
            }
            DilutiveIssuance.Exemption exemption = DilutiveIssuance.Exemption.NONE;
            String terms = null;
            if (e.clause() != null) {
                exemption = DilutiveIssuance.Exemption.EXEMPT;
                if ("4(h)(v)".equals(e.clause()) && cap != null) {
                    strategicTotal += e.shares();
                    if (capShares == null) {
                        exemption = DilutiveIssuance.Exemption.CAP_NOT_COMPUTABLE;
                        terms = "the strategic-issuance cap of " + MoneyFormat.percent(cap) + " needs the shares outstanding"
                                + " on the Issue Date " + instrument.issueDate() + ", and none is known";
                    } else {
                        String total = "4(h)(v) shares since the Issue Date " + MoneyFormat.count(strategicTotal) + " against "
                                + MoneyFormat.percent(cap) + " x " + MoneyFormat.count(atIssue) + " = "
                                + capShares.stripTrailingZeros().toPlainString();
                        if (capExceeded || BigDecimal.valueOf(strategicTotal).compareTo(capShares) > 0) {
                            exemption = DilutiveIssuance.Exemption.ABOVE_CAP;
                            terms = (capExceeded ? "the cap was exceeded earlier; " : "") + total;
                            capExceeded = true;
                        } else {
                            terms = total;
                        }
                    }
                }
            }
            adjustments.add(new DilutiveIssuance(e, outstanding.inForceOn(e.date().minusDays(1)),
                    marketPrice.apply(e.date()), exemption, terms));
        }
        return new ConversionPriceHistory(instrument.id(), instrument.issueDate(), instrument.conversionPrice(), adjustments);
    }
}
