package org.debentures.compliance.rules.registration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.debentures.compliance.money.MoneyFormat;
import org.debentures.compliance.money.Rounding;
import org.debentures.compliance.penalty.PenaltyAccrual;
import org.debentures.compliance.penalty.PenaltyKind;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.terms.RegistrationAgreement;

/**
 * RRA 2(d): for each Registration Default day, each Debenture under the agreement accrues its
 * principal outstanding that day (after any conversion or repayment dated that day) x rate / 30:
 * 1.5% for the first 30-day period (2(d)(i)), 2% for each period after (2(d)(ii)), prorated by the
 * day; six decimals half-up (SPEC §6, §10). No row for a day whose base is zero; none at all when
 * the agreement's penalties are disabled.
 */
public final class LiquidatedDamages {

    private LiquidatedDamages() {
    }

    /**
     * @param days the agreement's default days
     * @param debentures the principal schedule of each instrument under the agreement
     */
    public static List<PenaltyAccrual> accrue(RegistrationAgreement agreement, List<RegistrationDefaultDay> days,
                                              List<PrincipalOutstanding> debentures) {
        List<PenaltyAccrual> accruals = new ArrayList<>();
        if (!agreement.penaltyEnabled()) {
            return accruals;
        }
        BigDecimal periodDays = BigDecimal.valueOf(agreement.periodDays());
        for (RegistrationDefaultDay day : days) {
            String clause = day.inFirstPeriod(agreement.periodDays()) ? "RRA 2(d)(i)" : "RRA 2(d)(ii)";
            for (PrincipalOutstanding debenture : debentures) {
                BigDecimal base = debenture.on(day.date());
                if (base.signum() <= 0) {
                    continue;
                }
                BigDecimal amount = Rounding.dailyAccrual(Rounding.divide(base.multiply(day.rate()), periodDays));
                String explanation = clause + ": default day " + day.dayIndex() + ", " + MoneyFormat.percent(day.rate())
                        + " / " + agreement.periodDays() + " x " + MoneyFormat.dollars(base) + " (" + day.reasonsText() + ")";
                accruals.add(new PenaltyAccrual(debenture.instrument().id(), debenture.instrument().holder(), day.date(),
                        PenaltyKind.REGISTRATION_DEFAULT, base, day.rate(), amount, clause, explanation));
            }
        }
        return accruals;
    }
}
