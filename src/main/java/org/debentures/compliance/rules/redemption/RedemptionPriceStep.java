package org.debentures.compliance.rules.redemption;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.rules.BusinessStep;
import org.debentures.compliance.rules.SymbolFacts;
import org.debentures.compliance.rules.SymbolResults;
import org.debentures.compliance.rules.conversion.ConversionPriceHistory;
import org.debentures.compliance.rules.market.MarketPriceStep;
import org.debentures.compliance.rules.interest.InterestAccrualDay;
import org.debentures.compliance.rules.interest.InterestStep;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;

/**
 * Business step: Debenture 6(b) for every day of the range on which an Event of Default of the steps
 * before (any clause) continues and something is owed (SPEC §10 "Mandatory Redemption Price"):
 * principal and accrued unpaid regular interest from the instrument's interest ledger, the
 * Conversion Price in effect that day, the Market Price as of that day ({@link MandatoryRedemptionPrice}).
 * The Market Prices the market step worked out for the range serve every deal that reads them the
 * same way; another deal's are worked out here.
 */
public final class RedemptionPriceStep implements BusinessStep {

    @Override
    public String name() {
        return "mandatory redemption prices";
    }

    @Override
    public void apply(SymbolFacts facts, SymbolResults results) {
        for (DealTerms deal : facts.deals()) {
            var marketPrice = MarketPriceStep.asOf(facts, deal, results.market());
            for (Instrument instrument : deal.instruments()) {
                InterestStep.Result interest = results.interest(instrument.id());
                results.putRedemptionPrices(instrument.id(), prices(facts, deal, instrument, interest,
                        results.conversionPrices(instrument.id()),
                        results.eventsOfDefault().of(instrument.id()), marketPrice));
            }
        }
    }

    private static List<MandatoryRedemptionPrice> prices(SymbolFacts facts, DealTerms deal, Instrument instrument,
                                                         InterestStep.Result interest,
                                                         ConversionPriceHistory conversionPrices, List<Finding> eventsOfDefault,
                                                         java.util.function.Function<LocalDate, java.math.BigDecimal> marketPrice) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Finding eod : eventsOfDefault) {
            LocalDate last = eod.endDate() == null || eod.endDate().isAfter(facts.to()) ? facts.to() : eod.endDate();
            for (LocalDate d = eod.startDate().isBefore(facts.from()) ? facts.from() : eod.startDate(); !d.isAfter(last);
                 d = d.plusDays(1)) {
                days.add(d);
            }
        }
        List<MandatoryRedemptionPrice> prices = new ArrayList<>();
        if (days.isEmpty()) {
            return prices;
        }
        Map<LocalDate, InterestAccrualDay> byDay = new HashMap<>();
        interest.ledger().days().forEach(d -> byDay.put(d.date(), d));
        for (LocalDate day : days) {
            InterestAccrualDay owed = byDay.get(day);
            if (owed == null || owed.principal().add(owed.accruedUnpaidInterest()).signum() <= 0) {
                continue; // nothing outstanding that day: nothing to redeem
            }
            prices.add(MandatoryRedemptionPrice.of(day, owed.principal(), owed.accruedUnpaidInterest(),
                    conversionPrices.priceOn(day), marketPrice.apply(day), deal.eventOfDefault().redemptionPremium()));
        }
        return prices;
    }
}
