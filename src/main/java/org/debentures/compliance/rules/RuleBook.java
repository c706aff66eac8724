package org.debentures.compliance.rules;

import org.debentures.compliance.rules.covenants.CovenantStep;
import org.debentures.compliance.rules.covenants.CrossDefaultStep;
import org.debentures.compliance.rules.waivers.WaiverStep;
import org.debentures.compliance.rules.redemption.MandatoryRedemption;
import org.debentures.compliance.rules.redemption.MandatoryRedemptionStep;

import java.util.List;
import org.debentures.compliance.rules.conversion.ConversionStep;
import org.debentures.compliance.rules.conversion.ConversionPriceStep;
import org.debentures.compliance.rules.deadlines.DeadlinesStep;
import org.debentures.compliance.rules.interest.InterestStep;
import org.debentures.compliance.rules.market.MarketPriceStep;
import org.debentures.compliance.rules.redemption.RedemptionPriceStep;
import org.debentures.compliance.rules.registration.RegistrationStep;

/**
 * The rules of one symbol as ordered business steps: the only place their order lives. Each step
 * may read the results of the steps before it, never of those after:
 * <ol>
 *   <li>{@link MarketPriceStep}: Market Prices (Debenture §1, §4(b); SPEC §4), price gaps and corrections;</li>
 *   <li>{@link ConversionPriceStep}: every instrument's Conversion Price history (Debenture §4; SPEC §15: splits,
 *       dilutive issuances, 4(h) exemptions), read by every step after it;</li>
 *   <li>{@link RegistrationStep}: Registration Default days, liquidated damages (RRA 2(d), 4(f), 4(k); SPEC §6)
 *       and their Events of Default 6(d)(iii);</li>
 *   <li>{@link InterestStep}: interest, default interest, conversions and deliveries (Debenture §2, §3; SPEC §7)
 *       and their Events of Default 6(d)(v);</li>
 *   <li>{@link CovenantStep}: the EBITDA and capex covenants (6(d)(ix), (x), 6(e), 6(f); SPEC §12), listing
 *       6(d)(i), Change of Control and Liquidation Event 6(d)(ii);</li>
 *   <li>{@link WaiverStep}: the waivers of each amendment group (8(c); SPEC §13), cause by cause;</li>
 *   <li>{@link CrossDefaultStep}: cross-default 6(d)(vii) from the waived Events of Default of the named instruments,
 *       then waived by the instrument's own group;</li>
 *   <li>{@link MandatoryRedemptionStep}: the Mandatory Redemption of each notice (6(a)-(c); SPEC §14);</li>
 *   <li>{@link RedemptionPriceStep}: the Mandatory Redemption Price (6(b)) of every day an Event of Default of the
 *       steps before continues;</li>
 *   <li>{@link ConversionStep}: the VWAP test and readiness (Debenture §4, §5; SPEC §5),
 *       5(c)(vi) from every Event of Default found before it;</li>
 *   <li>{@link DeadlinesStep}: each deal's upcoming deadlines, from all of these.</li>
 * </ol>
 * A new rule is a new step in its clause family's folder and one line here.
 */
public final class RuleBook {

    private final List<BusinessStep> steps;

    public RuleBook(List<BusinessStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The rules of SPEC sections 4 to 10, in dependency order. */
    public static RuleBook standard() {
        return new RuleBook(List.of(new MarketPriceStep(), new ConversionPriceStep(), new RegistrationStep(), new InterestStep(),
                new CovenantStep(), new WaiverStep(), new CrossDefaultStep(), new MandatoryRedemptionStep(),
                new RedemptionPriceStep(), new ConversionStep(), new DeadlinesStep()));
    }

    public List<BusinessStep> steps() {
        return steps;
    }

    /**
     * Runs every step, in order, for one symbol. When a valid Mandatory Redemption takes principal and interest out
     * of a ledger (SPEC §14: from its Mandatory Redemption Date), the steps run again with that taken into the
     * instruments' rows (as a repayment of P and a payment of I on R): the notice's validity and price depend only on
     * the days before R, which the second run leaves as they were.
     */
    public SymbolResults run(SymbolFacts facts) {
        SymbolResults first = runSteps(facts);
        List<MandatoryRedemption.Effect> effects = first.mandatoryRedemptions().values().stream()
                .flatMap(r -> r.effects().stream()).toList();
        if (effects.isEmpty()) {
            return first;
        }
        SymbolResults second = runSteps(facts.withRedemptions(effects));
        first.stepNanos().forEach(second::recordStep);
        return second;
    }

    private SymbolResults runSteps(SymbolFacts facts) {
        SymbolResults results = new SymbolResults(facts.symbol());
        for (BusinessStep step : steps) {
            long started = System.nanoTime();
            step.apply(facts, results);
            results.recordStep(step.name(), System.nanoTime() - started);
        }
        return results;
    }
}
