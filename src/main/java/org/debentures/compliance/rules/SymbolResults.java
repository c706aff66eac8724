package org.debentures.compliance.rules;

import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.rules.covenants.CovenantStep;
import org.debentures.compliance.rules.waivers.WaiverStep;
import org.debentures.compliance.rules.redemption.MandatoryRedemption;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.debentures.compliance.rules.conversion.ConversionStep;
import org.debentures.compliance.rules.deadlines.Deadline;
import org.debentures.compliance.rules.interest.InterestStep;
import org.debentures.compliance.rules.market.MarketPriceStep;
import org.debentures.compliance.rules.redemption.MandatoryRedemptionPrice;
import org.debentures.compliance.rules.registration.RegistrationStep;

/**
 * What the business steps of one symbol have worked out so far, step by step, in the order of
 * {@link RuleBook}; and the Events of Default among them ({@link #eventsOfDefault()}), which later
 * steps read. Each step adds to its own part; the job writes the whole to the store.
 */
public final class SymbolResults {

    private final String symbol;
    private MarketPriceStep.Result market;
    private final List<RegistrationStep.Result> registrations = new ArrayList<>();
    private final List<InterestStep.Result> interest = new ArrayList<>();
    private final Map<String, List<MandatoryRedemptionPrice>> redemptionPrices = new LinkedHashMap<>();
    private final List<ConversionStep.Result> conversions = new ArrayList<>();
    private final Map<String, List<Deadline>> deadlines = new LinkedHashMap<>();
    private final EventsOfDefault eventsOfDefault = new EventsOfDefault();
    private final List<CovenantStep.Result> covenants = new ArrayList<>();
    private List<Finding> covenantFindings = List.of();
    private List<Finding> distributionFindings = List.of();
    private final List<WaiverStep.Result> waivers = new ArrayList<>();
    private final Map<String, MandatoryRedemption.Result> mandatoryRedemptions = new LinkedHashMap<>();
    private final Map<String, Long> stepNanos = new LinkedHashMap<>();
    private final Map<String, org.debentures.compliance.rules.conversion.ConversionPriceHistory> conversionPrices =
            new LinkedHashMap<>();
    private List<Finding> symbolAdjustmentFindings = List.of();
    private List<Finding> instrumentAdjustmentFindings = List.of();

    public SymbolResults(String symbol) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
    }

    public String symbol() {
        return symbol;
    }

    /** Debenture §4, SPEC §15: the instrument's Conversion Price history, every adjustment in it. */
    public org.debentures.compliance.rules.conversion.ConversionPriceHistory conversionPrices(String instrumentId) {
        var history = conversionPrices.get(instrumentId);
        if (history == null) {
            throw new IllegalStateException("no Conversion Price history for " + instrumentId + " (step order)");
        }
        return history;
    }

    public void putConversionPrices(org.debentures.compliance.rules.conversion.ConversionPriceHistory history) {
        conversionPrices.put(history.instrumentId(), history);
    }

    /** SPEC §15 {@code ADJUSTMENT_NOT_COMPUTABLE}: the symbol's rows. */
    public List<Finding> symbolAdjustmentFindings() {
        return symbolAdjustmentFindings;
    }

    /** SPEC §15 {@code ADJUSTMENT_NOT_COMPUTABLE}: the instruments' rows (a 4(h)(v) cap that cannot be checked). */
    public List<Finding> instrumentAdjustmentFindings(String instrumentId) {
        return instrumentAdjustmentFindings.stream().filter(f -> f.subject().equals(instrumentId)).toList();
    }

    public void setAdjustmentFindings(List<Finding> symbolFindings, List<Finding> instrumentFindings) {
        this.symbolAdjustmentFindings = List.copyOf(symbolFindings);
        this.instrumentAdjustmentFindings = List.copyOf(instrumentFindings);
    }

    /** Debenture §1, §4(b): the symbol's Market Prices of the range and its price exceptions. */
    public MarketPriceStep.Result market() {
        return market;
    }

    public void setMarket(MarketPriceStep.Result market) {
        if (this.market != null) {
            throw new IllegalStateException("the Market Prices of " + symbol + " are already worked out");
        }
        this.market = Objects.requireNonNull(market, "market");
    }

    /** RRA 2(d): one per registration rights agreement of the deals on the symbol. */
    public List<RegistrationStep.Result> registrations() {
        return Collections.unmodifiableList(registrations);
    }

    public void addRegistration(RegistrationStep.Result result) {
        registrations.add(Objects.requireNonNull(result, "result"));
    }

    /** Debenture §2, §3(c)-(e): one per instrument, deal by deal. */
    public List<InterestStep.Result> interest() {
        return Collections.unmodifiableList(interest);
    }

    public InterestStep.Result interest(String instrumentId) {
        return interest.stream().filter(r -> r.instrument().id().equals(instrumentId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no interest ledger of " + instrumentId + " yet"));
    }

    public void addInterest(InterestStep.Result result) {
        interest.add(Objects.requireNonNull(result, "result"));
    }

    /** Debenture 6(d)(ix), 6(d)(x), 6(e): one per deal, in deal order (SPEC §12). */
    public List<CovenantStep.Result> covenants() {
        return Collections.unmodifiableList(covenants);
    }

    public void addCovenants(CovenantStep.Result result) {
        covenants.add(Objects.requireNonNull(result, "result"));
    }

    /** The symbol's covenant exceptions: {@code EBITDA_NOT_REPORTED}, {@code EBITDA_CERTIFICATE_LATE} (SPEC §12). */
    public List<Finding> covenantFindings() {
        return covenantFindings;
    }

    public void setCovenantFindings(List<Finding> findings) {
        covenantFindings = List.copyOf(findings);
    }

    /** Debenture 6(a)-(c): the Mandatory Redemption of each instrument with a notice (SPEC §14), by instrument id. */
    public Map<String, MandatoryRedemption.Result> mandatoryRedemptions() {
        return Collections.unmodifiableMap(mandatoryRedemptions);
    }

    public void addMandatoryRedemption(String instrumentId, MandatoryRedemption.Result result) {
        mandatoryRedemptions.put(instrumentId, Objects.requireNonNull(result, "result"));
    }

    /** The symbol's {@code DISTRIBUTION_NOTICE_LATE} rows (Debenture 4(d), SPEC §15). */
    public List<Finding> distributionFindings() {
        return distributionFindings;
    }

    public void setDistributionFindings(List<Finding> findings) {
        distributionFindings = List.copyOf(findings);
    }

    /** Debenture 8(c): one per amendment group on the symbol (SPEC §13). */
    public List<WaiverStep.Result> waivers() {
        return Collections.unmodifiableList(waivers);
    }

    public void addWaivers(WaiverStep.Result result) {
        waivers.add(Objects.requireNonNull(result, "result"));
    }

    /** The instrument's {@code WAIVER_PENDING} runs (SPEC §13). */
    public List<Finding> waiverPending(String instrumentId) {
        return waivers.stream().flatMap(w -> w.pending().getOrDefault(instrumentId, List.of()).stream()).toList();
    }

    /** Debenture 6(b): each instrument's daily Mandatory Redemption Prices of the range, by instrument id. */
    public Map<String, List<MandatoryRedemptionPrice>> redemptionPrices() {
        return Collections.unmodifiableMap(redemptionPrices);
    }

    public void putRedemptionPrices(String instrumentId, List<MandatoryRedemptionPrice> prices) {
        redemptionPrices.put(instrumentId, List.copyOf(prices));
    }

    /** Debenture §4, §5: one per instrument, deal by deal. */
    public List<ConversionStep.Result> conversions() {
        return Collections.unmodifiableList(conversions);
    }

    public ConversionStep.Result conversion(String instrumentId) {
        return conversions.stream().filter(r -> r.instrument().id().equals(instrumentId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no conversion results of " + instrumentId + " yet"));
    }

    public void addConversion(ConversionStep.Result result) {
        conversions.add(Objects.requireNonNull(result, "result"));
    }

    /** Each deal's upcoming deadlines, by deal id. */
    public Map<String, List<Deadline>> deadlines() {
        return Collections.unmodifiableMap(deadlines);
    }

    public void putDeadlines(String dealId, List<Deadline> upcoming) {
        deadlines.put(dealId, List.copyOf(upcoming));
    }

    /** The Events of Default (and the events that would become one) the steps so far have found. */
    public EventsOfDefault eventsOfDefault() {
        return eventsOfDefault;
    }

    /** Nanoseconds each step took for this symbol, by step name, in step order. */
    public Map<String, Long> stepNanos() {
        return Collections.unmodifiableMap(stepNanos);
    }

    public void recordStep(String name, long nanos) {
        stepNanos.merge(name, nanos, Long::sum);
    }
}
