package org.debentures.compliance.batch.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.conversion.ConversionDeliveries;
import org.debentures.compliance.conversion.ConversionPriceHistory;
import org.debentures.compliance.conversion.ShareCountAdjustment;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.interest.InterestFindings;
import org.debentures.compliance.interest.InterestLedger;
import org.debentures.compliance.market.CorporateAction;
import org.debentures.compliance.money.OldestFirstSettlement;
import org.debentures.compliance.penalty.PenaltyKind;
import org.debentures.compliance.penalty.PenaltyStatement;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.redemption.MandatoryRedemptionPrice;
import org.debentures.compliance.terms.DealBook;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;

/**
 * For one instrument, as known on the run's last day: the interest ledger (Debenture §2), its
 * conversions and deliveries (3(c)-(e)) and their exceptions. Loads the inputs and calls the domain.
 */
public class InterestLedgerProcessor {

    /** Everything to write for one instrument; {@code redemptionPrices} for the days of the range an Event of Default continues. */
    public record Output(Instrument instrument, InterestLedger.Result ledger, ConversionDeliveries.Result conversions,
                         List<PenaltyStatement.Month> conversionDefaultBalance, List<Finding> findings,
                         List<MandatoryRedemptionPrice> redemptionPrices) {
    }

    private final IntakeTables intake;
    private final DealBook deals;
    private final LocalDate to;
    private final LocalDate from;
    private final java.util.function.Function<String, List<Finding>> registrationEventsOfDefault;

    /**
     * @param from first day of the range: Mandatory Redemption Prices are computed for the range's days
     * @param registrationEventsOfDefault the 6(d)(iii) Events of Default already found for an instrument id
     */
    public InterestLedgerProcessor(IntakeTables intake, DealBook deals, LocalDate from, LocalDate to,
                                   java.util.function.Function<String, List<Finding>> registrationEventsOfDefault) {
        this.intake = intake;
        this.deals = deals;
        this.from = from;
        this.to = to;
        this.registrationEventsOfDefault = registrationEventsOfDefault;
    }

    /** The instrument's Conversion Price history from the symbol's splits and dividends known on {@code to}. */
    static ConversionPriceHistory priceHistory(IntakeTables intake, DealTerms deal, Instrument instrument, LocalDate to) {
        List<ShareCountAdjustment> adjustments = new ArrayList<>();
        for (FilingEvent e : intake.events(deal.symbol(), List.of(EventType.STOCK_SPLIT, EventType.STOCK_DIVIDEND), to)) {
            adjustments.add(ShareCountAdjustment.of(new CorporateAction(e.type() == EventType.STOCK_SPLIT
                    ? CorporateAction.Kind.STOCK_SPLIT : CorporateAction.Kind.STOCK_DIVIDEND, e.date(), e.ratio())));
        }
        return new ConversionPriceHistory(instrument.id(), instrument.issueDate(), instrument.conversionPrice(), adjustments);
    }

    /**
     * @param market the deal symbol's inputs as of {@code to}, for a Mandatory Redemption Price's Market
     *               Price not in {@code marketPrices}
     * @param marketPrices the Market Prices already worked out for the range's days (null for a day
     *                     without one worked out: it is worked out here)
     */
    public Output process(InstrumentRef ref, org.debentures.compliance.market.SymbolPrices market,
                          java.util.function.Function<LocalDate, org.debentures.compliance.market.MarketPrice> marketPrices) {
        DealTerms deal = deals.deal(ref.dealId());
        Instrument instrument = deals.instrument(ref.instrumentId());
        BusinessDays businessDays = BusinessDays.newYork();
        List<FilingEvent> events = intake.events(instrument.id(), List.of(EventType.CONVERSION,
                EventType.PRINCIPAL_REPAID, EventType.SHARES_DELIVERED, EventType.INTEREST_PAID,
                EventType.DEFAULT_INTEREST_PAID, EventType.CONVERSION_DEFAULT_PAID), to);
        PrincipalOutstanding principal = new PrincipalOutstanding(instrument, events, businessDays);
        InterestLedger.Result ledger = new InterestLedger(businessDays).run(deal, instrument, principal,
                payments(events, EventType.INTEREST_PAID), payments(events, EventType.DEFAULT_INTEREST_PAID), to);
        ConversionPriceHistory conversionPrices = priceHistory(intake, deal, instrument, to);
        ConversionDeliveries.Result conversions = new ConversionDeliveries(businessDays).of(deal, instrument,
                conversionPrices, events, to);
        // SPEC §7 v2: CONVERSION_DEFAULT_PAID settles the Conversion Default accruals oldest month first
        List<PenaltyStatement.Month> balance = PenaltyStatement.of(instrument.id(), instrument.holder(),
                PenaltyKind.CONVERSION_DEFAULT, conversions.accruals(), events.stream()
                        .filter(e -> e.type() == EventType.CONVERSION_DEFAULT_PAID)
                        .map(e -> new PenaltyStatement.Payment(e.date(), e.amount())).toList());
        List<Finding> findings = InterestFindings.of(deal, instrument, ledger, conversions.deliveries(), businessDays, to);
        return new Output(instrument, ledger, conversions, balance, findings,
                redemptionPrices(deal, instrument, ledger, findings, conversionPrices, market, marketPrices));
    }

    /**
     * Debenture 6(b) for every day of the range on which an Event of Default (6(d)(iii) or 6(d)(v))
     * continues and something is owed: principal and accrued unpaid interest from the ledger, the
     * Conversion Price in effect, the Market Price as of that day.
     */
    private List<MandatoryRedemptionPrice> redemptionPrices(DealTerms deal, Instrument instrument,
                                                            InterestLedger.Result ledger, List<Finding> findings,
                                                            ConversionPriceHistory conversionPrices,
                                                            org.debentures.compliance.market.SymbolPrices market,
                                                            java.util.function.Function<LocalDate, org.debentures.compliance.market.MarketPrice> known) {
        java.util.TreeSet<LocalDate> days = new java.util.TreeSet<>();
        List<Finding> eventsOfDefault = new ArrayList<>(registrationEventsOfDefault.apply(instrument.id()));
        findings.stream().filter(f -> f.code() == org.debentures.compliance.findings.ExceptionCode.EVENT_OF_DEFAULT)
                .forEach(eventsOfDefault::add);
        for (Finding eod : eventsOfDefault) {
            LocalDate last = eod.endDate() == null || eod.endDate().isAfter(to) ? to : eod.endDate();
            for (LocalDate d = eod.startDate().isBefore(from) ? from : eod.startDate(); !d.isAfter(last); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        List<MandatoryRedemptionPrice> prices = new ArrayList<>();
        if (days.isEmpty()) {
            return prices;
        }
        org.debentures.compliance.market.MarketPriceCalculator calculator =
                new org.debentures.compliance.market.MarketPriceCalculator(deal.marketPriceTradingDays());
        org.debentures.compliance.market.SplitAdjustment adjustment = new org.debentures.compliance.market.SplitAdjustment(
                market.corporateActions(), deal.switches().pricesSplitAdjusted());
        java.util.Map<LocalDate, org.debentures.compliance.interest.InterestAccrualDay> byDay = new java.util.HashMap<>();
        ledger.days().forEach(d -> byDay.put(d.date(), d));
        for (LocalDate day : days) {
            org.debentures.compliance.interest.InterestAccrualDay owed = byDay.get(day);
            if (owed == null || owed.principal().add(owed.accruedUnpaidInterest()).signum() <= 0) {
                continue; // nothing outstanding that day: nothing to redeem
            }
            org.debentures.compliance.market.MarketPrice marketPrice = known.apply(day);
            if (marketPrice == null) {
                marketPrice = calculator.marketPrice(market, adjustment, day);
            }
            prices.add(MandatoryRedemptionPrice.of(day, owed.principal(), owed.accruedUnpaidInterest(),
                    conversionPrices.priceOn(day), marketPrice.value(), deal.eventOfDefault().redemptionPremium()));
        }
        return prices;
    }

    private static List<OldestFirstSettlement.Payment> payments(List<FilingEvent> events, EventType type) {
        return events.stream().filter(e -> e.type() == type)
                .map(e -> new OldestFirstSettlement.Payment(e.date(), e.amount())).toList();
    }
}
