package org.debentures.compliance.rules.conversion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.money.MoneyFormat;
import org.debentures.compliance.money.Rounding;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.rules.conversion.ConditionState.State;
import org.debentures.compliance.terms.Instrument;

/**
 * Debenture 3(f) and 5(c)(vii) as SPEC §16 states them: a Holder may not convert into more than its
 * {@code ownership-cap} (9.99%, Infineon 49.9%) of the shares outstanding.
 * <ul>
 *   <li>3(f): a {@code CONVERSION} whose Conversion Shares (3(c)-(d), as the job computes them) plus the latest
 *       {@code HOLDER_POSITION} dated on or before the Conversion Date exceed the cap x the shares outstanding in
 *       force that day: {@code OWNERSHIP_CAP_EXCEEDED} on that date (one row per conversion). Without a position or
 *       a share count the conversion is not checked.</li>
 *   <li>5(c)(vii) on a date: converting all unpaid principal at the Conversion Price in effect, plus the position,
 *       would exceed the cap: {@code NOT_MET}; the share count or the position unknown: {@code NOT_CHECKED}.</li>
 * </ul>
 * The comparison is unrounded: shares > cap x outstanding.
 */
public final class OwnershipCap {

    public static final String CLAUSE = "3(f)";

    private final Instrument instrument;
    private final SharesOutstanding outstanding;
    private final List<FilingEvent> positions;

    /** @param instrumentEvents the instrument's rows (its {@code HOLDER_POSITION} rows are read), date then read order */
    public OwnershipCap(Instrument instrument, SharesOutstanding outstanding, List<FilingEvent> instrumentEvents) {
        this.instrument = instrument;
        this.outstanding = outstanding;
        this.positions = instrumentEvents.stream().filter(e -> e.type() == EventType.HOLDER_POSITION).toList();
    }

    /** The Holder's latest position dated on or before {@code date}; null when none. */
    public Long positionOn(LocalDate date) {
        Long position = null;
        for (FilingEvent e : positions) {
            if (!e.date().isAfter(date)) {
                position = e.shares();
            }
        }
        return position;
    }

    /** The cap in shares on {@code date} (unrounded); null without a share count. */
    public BigDecimal capOn(LocalDate date) {
        Long o = outstanding.inForceOn(date);
        return o == null || instrument.ownershipCap() == null ? null : instrument.ownershipCap().multiply(BigDecimal.valueOf(o));
    }

    /** 3(f): {@code OWNERSHIP_CAP_EXCEEDED} for each conversion above the cap. */
    public List<Finding> exceeded(List<ConversionDelivery> conversions) {
        List<Finding> findings = new ArrayList<>();
        for (ConversionDelivery c : conversions) {
            Long position = positionOn(c.conversionDate());
            BigDecimal cap = capOn(c.conversionDate());
            if (position == null || cap == null) {
                continue;
            }
            BigDecimal after = c.sharesDue().add(BigDecimal.valueOf(position));
            if (after.compareTo(cap) > 0) {
                findings.add(new Finding(ExceptionCode.OWNERSHIP_CAP_EXCEEDED, instrument.id(), CLAUSE, c.conversionDate(),
                        c.conversionDate(), "conversion " + c.reference() + " of " + MoneyFormat.dollars(c.principalConverted())
                        + " into " + MoneyFormat.count(c.sharesDue().longValueExact()) + " shares, with the Holder's "
                        + MoneyFormat.count(position) + " other shares, " + MoneyFormat.count(after.longValueExact())
                        + " shares: above " + MoneyFormat.percent(instrument.ownershipCap()) + " of the "
                        + MoneyFormat.count(outstanding.inForceOn(c.conversionDate())) + " shares outstanding ("
                        + Rounding.plain(cap) + ") (Debenture 3(f))"));
            }
        }
        return findings;
    }

    /** 5(c)(vii) as of {@code asOf}. */
    public ConditionState condition(String id, PrincipalOutstanding principal, ConversionPriceHistory prices, LocalDate asOf) {
        String description = "conversion of the debenture within the 3(f) ownership cap ("
                + (instrument.ownershipCap() == null ? "none given" : MoneyFormat.percent(instrument.ownershipCap())) + ")";
        Long position = positionOn(asOf);
        BigDecimal cap = capOn(asOf);
        if (cap == null || position == null) {
            return new ConditionState(id, description, State.NOT_CHECKED, null, (cap == null
                    ? "no shares outstanding (SHARES_OUTSTANDING) known on " + asOf
                    : "no HOLDER_POSITION of the Holder dated on or before " + asOf) + " (SPEC §16)");
        }
        BigDecimal unpaid = principal.on(asOf);
        BigDecimal price = prices.priceOn(asOf);
        BigDecimal shares = unpaid.signum() == 0 ? BigDecimal.ZERO : Rounding.wholeSharesUp(Rounding.divide(unpaid, price));
        BigDecimal after = shares.add(BigDecimal.valueOf(position));
        String evidence = "all unpaid principal " + MoneyFormat.dollars(unpaid) + " / "
                + Rounding.plain(Rounding.reportedConversionPrice(price)) + " = " + MoneyFormat.count(shares.longValueExact())
                + " shares + the Holder's " + MoneyFormat.count(position) + " = " + MoneyFormat.count(after.longValueExact())
                + " against " + MoneyFormat.percent(instrument.ownershipCap()) + " x "
                + MoneyFormat.count(outstanding.inForceOn(asOf)) + " = " + Rounding.plain(cap);
        return after.compareTo(cap) > 0
                ? new ConditionState(id, description, State.NOT_MET, null, evidence + ": above the cap")
                : new ConditionState(id, description, State.MET, null, evidence + ": within the cap (headroom "
                        + Rounding.plain(cap.subtract(after)) + " shares)");
    }
}
