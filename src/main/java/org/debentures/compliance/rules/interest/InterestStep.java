package org.debentures.compliance.rules.interest;

import java.util.EnumSet;
import java.util.List;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.money.OldestFirstSettlement;
import org.debentures.compliance.penalty.PenaltyKind;
import org.debentures.compliance.penalty.PenaltyStatement;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.rules.BusinessStep;
import org.debentures.compliance.rules.SymbolFacts;
import org.debentures.compliance.rules.EventsOfDefault;
import org.debentures.compliance.rules.SymbolResults;
import org.debentures.compliance.rules.conversion.ConversionDeliveries;
import org.debentures.compliance.rules.conversion.ConversionPriceHistory;
import org.debentures.compliance.rules.conversion.MajorAnnouncementPrice;
import org.debentures.compliance.rules.market.MarketPriceStep;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;

/**
 * Business step: for every instrument of the deals on the symbol, as known on the run's last day,
 * its interest ledger (Debenture §2; SPEC §7, {@link InterestLedger}), its conversions and deliveries
 * (3(b)-(e), {@link ConversionDeliveries}), the Conversion Default balance per Holder and month
 * ({@code CONVERSION_DEFAULT_PAID} oldest month first) and its exceptions ({@link InterestFindings}),
 * whose Events of Default 6(d)(v) and events that would become one it adds to the symbol's.
 */
public final class InterestStep implements BusinessStep {

    /** Everything worked out for one instrument. */
    /**
     * @param eventOfDefaultCauses the 6(d)(v) causes behind the {@code EVENT_OF_DEFAULT} runs among {@code findings},
     *                             one per obligation (SPEC §13: a waiver covers causes)
     */
    public record Result(DealTerms deal, Instrument instrument, InterestLedger.Result ledger,
                         ConversionDeliveries.Result conversions, List<PenaltyStatement.Month> conversionDefaultBalance,
                         List<Finding> findings, List<InterestFindings.DefaultCause> eventOfDefaultCauses) {
    }

    /** The instrument's filings-log types this step reads (SPEC §2). */
    static final List<EventType> EVENTS = List.of(EventType.CONVERSION, EventType.PRINCIPAL_REPAID,
            EventType.SHARES_DELIVERED, EventType.INTEREST_PAID, EventType.DEFAULT_INTEREST_PAID,
            EventType.CONVERSION_DEFAULT_PAID);

    /** The symbol's types of Debenture 4(e): a conversion in a Major Announcement window converts at its price. */
    static final List<EventType> ANNOUNCEMENT_EVENTS = List.of(EventType.MAJOR_ANNOUNCEMENT,
            EventType.TRANSACTION_CONSUMMATED, EventType.TRANSACTION_ABANDONED);

    @Override
    public String name() {
        return "interest";
    }

    @Override
    public void apply(SymbolFacts facts, SymbolResults results) {
        List<FilingEvent> announcements = facts.events(facts.symbol(), ANNOUNCEMENT_EVENTS);
        for (DealTerms deal : facts.deals()) {
            // Debenture 4(e): the Major Announcement windows of the symbol under the deal's terms (none logged: none)
            MajorAnnouncementPrice majorAnnouncements = announcements.isEmpty() ? null : new MajorAnnouncementPrice(
                    announcements, facts.prices().tradingCalendar(), facts.prices().closingBids(),
                    MarketPriceStep.asOf(facts, deal, results.market()), deal.majorAnnouncement(), BusinessDays.newYork());
            for (Instrument instrument : deal.instruments()) {
                Result result = instrument(facts, deal, instrument, results.conversionPrices(instrument.id()),
                        majorAnnouncements);
                results.eventsOfDefault().add(instrument.id(), result.findings(),
                        EnumSet.copyOf(InterestFindings.PENDING_EVENT_OF_DEFAULT), result.eventOfDefaultCauses().stream()
                                .map(c -> new EventsOfDefault.Cause(InterestFindings.EVENT_OF_DEFAULT_CLAUSE, c.first(),
                                        c.last(), "Event of Default 6(d)(v): " + c.description(), null, 0, 0, null, null))
                                .toList());
                results.addInterest(result);
            }
        }
    }

    private static Result instrument(SymbolFacts facts, DealTerms deal, Instrument instrument,
                                     ConversionPriceHistory conversionPrices, MajorAnnouncementPrice majorAnnouncements) {
        BusinessDays businessDays = BusinessDays.newYork();
        List<FilingEvent> events = facts.events(instrument.id(), EVENTS);
        PrincipalOutstanding principal = new PrincipalOutstanding(instrument, events, businessDays);
        InterestLedger.Result ledger = new InterestLedger(businessDays).run(deal, instrument, principal,
                payments(events, EventType.INTEREST_PAID), payments(events, EventType.DEFAULT_INTEREST_PAID), facts.to());
        ConversionDeliveries.Result conversions = new ConversionDeliveries(businessDays).of(deal, instrument,
                conversionPrices, majorAnnouncements, events, facts.to());
        // SPEC §7 v2: CONVERSION_DEFAULT_PAID settles the Conversion Default accruals oldest month first
        List<PenaltyStatement.Month> balance = PenaltyStatement.of(instrument.id(), instrument.holder(),
                PenaltyKind.CONVERSION_DEFAULT, conversions.accruals(), events.stream()
                        .filter(e -> e.type() == EventType.CONVERSION_DEFAULT_PAID)
                        .map(e -> new PenaltyStatement.Payment(e.date(), e.amount())).toList());
        List<Finding> findings = InterestFindings.of(deal, instrument, ledger, conversions.deliveries(), businessDays,
                facts.to());
        return new Result(deal, instrument, ledger, conversions, balance, findings, InterestFindings.eventOfDefaultCauses(
                deal, instrument, ledger, conversions.deliveries(), businessDays, facts.to()));
    }

    private static List<OldestFirstSettlement.Payment> payments(List<FilingEvent> events, EventType type) {
        return events.stream().filter(e -> e.type() == type)
                .map(e -> new OldestFirstSettlement.Payment(e.date(), e.amount())).toList();
    }
}
