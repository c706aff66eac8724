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
import org.debentures.compliance.terms.DealBook;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * For one instrument, as known on the run's last day: the interest ledger (Debenture §2), its
 * conversions and deliveries (3(c)-(e)) and their exceptions. Loads the inputs and calls the domain.
 */
public class InterestLedgerProcessor implements ItemProcessor<InstrumentRef, InterestLedgerProcessor.Output> {

    /** Everything to write for one instrument. */
    public record Output(Instrument instrument, InterestLedger.Result ledger, ConversionDeliveries.Result conversions,
                         List<PenaltyStatement.Month> conversionDefaultBalance, List<Finding> findings) {
    }

    private final IntakeTables intake;
    private final DealBook deals;
    private final LocalDate to;

    public InterestLedgerProcessor(IntakeTables intake, DealBook deals, LocalDate to) {
        this.intake = intake;
        this.deals = deals;
        this.to = to;
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

    @Override
    public Output process(InstrumentRef ref) {
        DealTerms deal = deals.deal(ref.dealId());
        Instrument instrument = deals.instrument(ref.instrumentId());
        BusinessDays businessDays = BusinessDays.newYork();
        List<FilingEvent> events = intake.events(instrument.id(), List.of(EventType.CONVERSION,
                EventType.PRINCIPAL_REPAID, EventType.SHARES_DELIVERED, EventType.INTEREST_PAID,
                EventType.DEFAULT_INTEREST_PAID), to);
        PrincipalOutstanding principal = new PrincipalOutstanding(instrument, events);
        InterestLedger.Result ledger = new InterestLedger(businessDays).run(deal, instrument, principal,
                payments(events, EventType.INTEREST_PAID), payments(events, EventType.DEFAULT_INTEREST_PAID), to);
        ConversionDeliveries.Result conversions = new ConversionDeliveries(businessDays).of(deal, instrument,
                priceHistory(intake, deal, instrument, to), events, to);
        List<PenaltyStatement.Month> balance = PenaltyStatement.of(instrument.id(), instrument.holder(),
                PenaltyKind.CONVERSION_DEFAULT, conversions.accruals(), List.of());
        return new Output(instrument, ledger, conversions, balance,
                InterestFindings.of(deal, instrument, ledger, conversions.deliveries(), businessDays, to));
    }

    private static List<OldestFirstSettlement.Payment> payments(List<FilingEvent> events, EventType type) {
        return events.stream().filter(e -> e.type() == type)
                .map(e -> new OldestFirstSettlement.Payment(e.date(), e.amount())).toList();
    }
}
