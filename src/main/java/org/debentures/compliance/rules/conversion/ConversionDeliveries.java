package org.debentures.compliance.rules.conversion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.intake.FilingLogResolution;
import org.debentures.compliance.money.MoneyFormat;
import org.debentures.compliance.money.Rounding;
import org.debentures.compliance.penalty.PenaltyAccrual;
import org.debentures.compliance.penalty.PenaltyKind;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;

/**
 * Debenture 3(c)-(e) as SPEC §7 states it: Conversion Shares = principal converted / Conversion
 * Price in effect on the Conversion Date (the row's date, or the next Business Day when that is not
 * one: {@link ConversionDate}, SPEC §7 v2), rounded up to a whole share; delivery is due by the
 * Delivery Date, the 3rd Business Day after the Conversion Date. Delivered later: a Conversion Default, accruing principal converted x
 * Default Interest Rate / 365 for each day from the Delivery Date (included) to the delivery day
 * (excluded), N days as 3(e)(A) counts them ({@code CONVERSION_DEFAULT} penalty rows). Still
 * undelivered on the as-of date, the Delivery Date or later: the days accrue through the as-of date
 * (undelivered at the end of the Delivery Date is a Conversion Default, also on the run's last day).
 */
public final class ConversionDeliveries {

    /** The conversions with their deliveries, and the 3(e)(A) accruals. */
    public record Result(List<ConversionDelivery> deliveries, List<PenaltyAccrual> accruals) {
    }

    private final BusinessDays businessDays;

    public ConversionDeliveries(BusinessDays businessDays) {
        this.businessDays = businessDays;
    }

    /** @param events the instrument's {@code CONVERSION} and {@code SHARES_DELIVERED} rows dated on or before {@code asOf} */
    public Result of(DealTerms deal, Instrument instrument, ConversionPriceHistory prices, List<FilingEvent> events,
                     LocalDate asOf) {
        return of(deal, instrument, prices, null, events, asOf);
    }

    /**
     * As {@link #of(DealTerms, Instrument, ConversionPriceHistory, List, LocalDate)}, a conversion in a Major
     * Announcement window converting at the 4(e) price ({@code announcements} null: none).
     */
    public Result of(DealTerms deal, Instrument instrument, ConversionPriceHistory prices,
                     MajorAnnouncementPrice announcements, List<FilingEvent> events, LocalDate asOf) {
        List<ConversionDelivery> deliveries = new ArrayList<>();
        List<PenaltyAccrual> accruals = new ArrayList<>();
        BigDecimal basis = BigDecimal.valueOf(deal.interest().dayCountBasis());
        for (FilingEvent conversion : events) {
            if (conversion.type() != EventType.CONVERSION) {
                continue;
            }
            String reference = FilingLogResolution.conversionReference(conversion);
            LocalDate conversionDate = ConversionDate.of(conversion, businessDays);
            BigDecimal price = prices.priceOn(conversionDate);
            String priceBasis = null;
            if (announcements != null) {
                var announced = announcements.forConversion(conversionDate, price);
                if (announced.isPresent()) {
                    price = announced.get().price();
                    priceBasis = announced.get().clause() + ": " + announced.get().terms();
                }
            }
            BigDecimal shares = Rounding.wholeSharesUp(Rounding.divide(conversion.amount(), price));
            LocalDate deliveryDate = businessDays.businessDaysAfter(conversionDate, deal.deliveryBusinessDays());
            Optional<LocalDate> delivered = events.stream()
                    .filter(e -> e.type() == EventType.SHARES_DELIVERED && reference.equals(e.document())
                            && !e.date().isBefore(conversion.date()))
                    .map(FilingEvent::date).min(LocalDate::compareTo);
            // undelivered at the end of the Delivery Date is a Conversion Default also when that day is the run's
            // last: a day's rows do not depend on whether it is the run's last day (as SPEC §7 v2 reads interest)
            LocalDate lastDefaultDay = delivered.map(d -> d.minusDays(1)).orElse(asOf.isBefore(deliveryDate) ? null : asOf);
            int n = 0;
            if (lastDefaultDay != null) {
                for (LocalDate day = deliveryDate; !day.isAfter(lastDefaultDay); day = day.plusDays(1)) {
                    n++;
                    BigDecimal amount = Rounding.dailyAccrual(Rounding.divide(
                            conversion.amount().multiply(instrument.defaultInterestRate()), basis));
                    accruals.add(new PenaltyAccrual(instrument.id(), instrument.holder(), day, PenaltyKind.CONVERSION_DEFAULT,
                            conversion.amount(), instrument.defaultInterestRate(), amount, "Debenture 3(e)(A)",
                            "Debenture 3(e)(A): Conversion Default day " + n + " of " + reference + " (Delivery Date "
                                    + deliveryDate + "), " + MoneyFormat.percent(instrument.defaultInterestRate()) + " / "
                                    + deal.interest().dayCountBasis() + " x " + MoneyFormat.dollars(conversion.amount())));
                }
            }
            deliveries.add(new ConversionDelivery(instrument.id(), conversionDate, reference, conversion.amount(),
                    price, shares, conversion.shares(), deliveryDate, delivered.orElse(null), n, priceBasis));
        }
        return new Result(deliveries, accruals);
    }
}
