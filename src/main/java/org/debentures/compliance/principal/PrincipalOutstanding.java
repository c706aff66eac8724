package org.debentures.compliance.principal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.rules.conversion.ConversionDate;
import org.debentures.compliance.terms.Instrument;

/**
 * The unpaid principal of one instrument on each day (Debenture §3, SPEC §6, §7): the principal at
 * issue less every {@code CONVERSION} and {@code PRINCIPAL_REPAID} dated on or before the day (a
 * conversion reduces principal from its date). Zero before the Issue Date.
 */
public final class PrincipalOutstanding {

    private final Instrument instrument;
    private final TreeMap<LocalDate, BigDecimal> reductionsByDate = new TreeMap<>();

    /** @param events the instrument's accepted events (others are ignored) */
    public PrincipalOutstanding(Instrument instrument, Iterable<FilingEvent> events, BusinessDays businessDays) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        for (FilingEvent event : events) {
            if (!event.subject().equals(instrument.id())) {
                continue;
            }
            if (event.type() == EventType.CONVERSION) {
                reductionsByDate.merge(ConversionDate.of(event, businessDays), event.amount(), BigDecimal::add);
            } else if (event.type() == EventType.PRINCIPAL_REPAID) {
                reductionsByDate.merge(event.date(), event.amount(), BigDecimal::add);
            }
        }
    }

    public Instrument instrument() {
        return instrument;
    }

    /** The unpaid principal on {@code date}, after any conversion or repayment dated that day. */
    public BigDecimal on(LocalDate date) {
        if (date.isBefore(instrument.issueDate())) {
            return BigDecimal.ZERO;
        }
        BigDecimal principal = instrument.principal();
        for (Map.Entry<LocalDate, BigDecimal> reduction : reductionsByDate.headMap(date, true).entrySet()) {
            principal = principal.subtract(reduction.getValue());
        }
        return principal.signum() < 0 ? BigDecimal.ZERO : principal;
    }

    /** The day the principal was paid or converted in full, if it was. */
    public java.util.Optional<LocalDate> paidInFullOn() {
        BigDecimal principal = instrument.principal();
        for (Map.Entry<LocalDate, BigDecimal> reduction : reductionsByDate.entrySet()) {
            principal = principal.subtract(reduction.getValue());
            if (principal.signum() <= 0) {
                return java.util.Optional.of(reduction.getKey());
            }
        }
        return java.util.Optional.empty();
    }
}
