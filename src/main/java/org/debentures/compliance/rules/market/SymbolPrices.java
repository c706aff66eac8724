package org.debentures.compliance.rules.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.debentures.compliance.calendar.DateInterval;
import org.debentures.compliance.calendar.TradingCalendar;

/**
 * What the inputs say about one symbol, as known on a run's last day (SPEC §10 knowledge cut-off:
 * the caller passes only rows dated on or before it): current closing bids and VWAP rows,
 * corporate actions and trading halts.
 */
public final class SymbolPrices {

    private final String symbol;
    private final NavigableMap<LocalDate, BigDecimal> closingBids;
    private final NavigableMap<LocalDate, VwapObservation> vwaps;
    private final List<CorporateAction> corporateActions;
    private final List<DateInterval> halts;
    private final TradingCalendar tradingCalendar;

    public SymbolPrices(String symbol, Map<LocalDate, BigDecimal> closingBids, Map<LocalDate, VwapObservation> vwaps,
                        List<CorporateAction> corporateActions, List<DateInterval> halts) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.closingBids = Collections.unmodifiableNavigableMap(new TreeMap<>(closingBids));
        this.vwaps = Collections.unmodifiableNavigableMap(new TreeMap<>(vwaps));
        this.corporateActions = List.copyOf(corporateActions);
        this.halts = List.copyOf(halts);
        this.tradingCalendar = TradingCalendar.of(
                this.vwaps.values().stream().filter(VwapObservation::isTradingDay).map(VwapObservation::date).toList());
    }

    public String symbol() {
        return symbol;
    }

    public NavigableMap<LocalDate, BigDecimal> closingBids() {
        return closingBids;
    }

    public NavigableMap<LocalDate, VwapObservation> vwaps() {
        return vwaps;
    }

    public List<CorporateAction> corporateActions() {
        return corporateActions;
    }

    public List<DateInterval> halts() {
        return halts;
    }

    public TradingCalendar tradingCalendar() {
        return tradingCalendar;
    }

    public boolean isHalted(LocalDate date) {
        return halts.stream().anyMatch(halt -> halt.contains(date));
    }
}
