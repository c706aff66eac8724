package org.debentures.compliance.terms;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Debenture §6 terms.
 *
 * @param effectivenessDeadlineDays 6(d)(iii): the Registration Statement effective by this day after the Issue Date
 * @param interestGraceBusinessDays 6(d)(v): a payment breach continuing this many Business Days
 * @param redemptionPremium 6(b): Mandatory Redemption Price premium (1.20 = 120%)
 * @param redemptionNoticeBusinessDays 6(a), SPEC §14 (v2): a notice is valid up to this many Business Days
 *                                     after the first Business Day on which the Event of Default no longer
 *                                     continues (1)
 * @param changeOfControlNoticeBusinessDays 6(a), SPEC §14 (v2): ... or, after a consummated Change of
 *                                          Control, this many Business Days after its consummation (3)
 * @param redemptionDateBusinessDays 6(a), SPEC §14 (v2): the Mandatory Redemption Date is at least this many
 *                                   Business Days after the notice's Business Day (5)
 * @param redemptionPaymentBusinessDays 6(c)(i), SPEC §14 (v2): the price is due within this many Business
 *                                      Days of the Mandatory Redemption Date (5)
 */
public record EventOfDefaultTerms(int effectivenessDeadlineDays, int interestGraceBusinessDays, BigDecimal redemptionPremium,
                                  int redemptionNoticeBusinessDays, int changeOfControlNoticeBusinessDays,
                                  int redemptionDateBusinessDays, int redemptionPaymentBusinessDays) {

    /** SPEC §14 defaults when the deal file omits the v2 keys. */
    public static final int DEFAULT_REDEMPTION_NOTICE_BUSINESS_DAYS = 1;
    public static final int DEFAULT_CHANGE_OF_CONTROL_NOTICE_BUSINESS_DAYS = 3;
    public static final int DEFAULT_REDEMPTION_DATE_BUSINESS_DAYS = 5;
    public static final int DEFAULT_REDEMPTION_PAYMENT_BUSINESS_DAYS = 5;

    public EventOfDefaultTerms {
        Objects.requireNonNull(redemptionPremium, "redemptionPremium");
        if (redemptionNoticeBusinessDays < 0 || changeOfControlNoticeBusinessDays < 0 || redemptionDateBusinessDays < 0
                || redemptionPaymentBusinessDays < 0) {
            throw new IllegalArgumentException("Mandatory Redemption business days must not be negative");
        }
    }

    /** The version-1 terms, with SPEC §14's defaults for the Mandatory Redemption deadlines. */
    public EventOfDefaultTerms(int effectivenessDeadlineDays, int interestGraceBusinessDays, BigDecimal redemptionPremium) {
        this(effectivenessDeadlineDays, interestGraceBusinessDays, redemptionPremium, DEFAULT_REDEMPTION_NOTICE_BUSINESS_DAYS,
                DEFAULT_CHANGE_OF_CONTROL_NOTICE_BUSINESS_DAYS, DEFAULT_REDEMPTION_DATE_BUSINESS_DAYS,
                DEFAULT_REDEMPTION_PAYMENT_BUSINESS_DAYS);
    }
}
