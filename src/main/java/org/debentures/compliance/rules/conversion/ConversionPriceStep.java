package org.debentures.compliance.rules.conversion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.rules.BusinessStep;
import org.debentures.compliance.rules.SymbolFacts;
import org.debentures.compliance.rules.SymbolResults;
import org.debentures.compliance.rules.market.MarketPriceStep;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;

/**
 * Business step, right after the Market Prices: every instrument's Conversion Price history (Debenture §4;
 * SPEC §15: splits, stock dividends, dilutive issuances and their 4(h) exemptions, {@link ConversionPrices}),
 * worked out once and read by every later step that converts, redeems or counts shares. An (F) adjustment that
 * lacks its Market Price or share count gives {@code ADJUSTMENT_NOT_COMPUTABLE} (symbol) on its date, one row per
 * date; a 4(h)(v) issuance an instrument's cap cannot be checked for gives one for that instrument.
 */
public final class ConversionPriceStep implements BusinessStep {

    /** The clause named by {@code ADJUSTMENT_NOT_COMPUTABLE}. */
    public static final String CLAUSE = "4(a)(F)";

    @Override
    public String name() {
        return "conversion prices";
    }

    @Override
    public void apply(SymbolFacts facts, SymbolResults results) {
        var symbolEvents = facts.events(facts.symbol(), ConversionPrices.EVENTS);
        // per date: the issuances whose (F) adjustment lacks a figure
        TreeMap<LocalDate, java.util.Set<String>> symbolNotComputable = new TreeMap<>();
        List<Finding> instrumentFindings = new ArrayList<>();
        for (DealTerms deal : facts.deals()) {
            var marketPrice = MarketPriceStep.asOf(facts, deal, results.market());
            for (Instrument instrument : deal.instruments()) {
                ConversionPriceHistory history = ConversionPrices.history(instrument, facts.prices().corporateActions(),
                        symbolEvents, marketPrice);
                results.putConversionPrices(history);
                for (ConversionPriceHistory.Change c : history.changes()) {
                    if (c.applied().computable()) {
                        continue;
                    }
                    String text = c.adjustment().describe() + ": " + c.applied().terms();
                    if (c.applied().clause().endsWith("4(h)(v)")) {
                        instrumentFindings.add(new Finding(ExceptionCode.ADJUSTMENT_NOT_COMPUTABLE, instrument.id(),
                                "4(h)(v)", c.effectiveDate(), c.effectiveDate(), text + "; the Conversion Price of "
                                + instrument.id() + " is left at " + reported(c.priceBefore()) + " (SPEC §15)"));
                    } else {
                        // the symbol's row names the issuance and why, not the instruments (each deal's rows are its
                        // own); each instrument's price left as it was is in its conversion_price_history
                        String missing = ((DilutiveIssuance) c.adjustment()).missingForF();
                        symbolNotComputable.computeIfAbsent(c.effectiveDate(), d -> new java.util.LinkedHashSet<>())
                                .add(c.adjustment().describe() + ": the Debenture 4(a)(F) adjustment needs " + missing);
                    }
                }
            }
        }
        List<Finding> symbolFindings = new ArrayList<>();
        symbolNotComputable.forEach((date, texts) -> symbolFindings.add(new Finding(
                ExceptionCode.ADJUSTMENT_NOT_COMPUTABLE, facts.symbol(), CLAUSE, date, date, String.join("; ", texts)
                + ", and the inputs do not give it: no adjustment; the Conversion Prices it would change stay as they"
                + " were (conversion_price_history, SPEC §15)")));
        results.setAdjustmentFindings(symbolFindings, instrumentFindings);
    }

    private static String reported(BigDecimal price) {
        return org.debentures.compliance.money.Rounding.reportedConversionPrice(price).toPlainString();
    }
}
