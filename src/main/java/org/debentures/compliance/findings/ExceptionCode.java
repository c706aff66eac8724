package org.debentures.compliance.findings;

/** The exception codes of SPEC §10, each with its severity grade and the kind of subject it names. */
public enum ExceptionCode {
    PRICE_MISSING(Severity.WARNING, SubjectKind.SYMBOL),
    MARKET_PRICE_UNAVAILABLE(Severity.WARNING, SubjectKind.SYMBOL),
    PRICE_RESTATED(Severity.INFO, SubjectKind.SYMBOL),
    FILING_LATE(Severity.HIGH, SubjectKind.AGREEMENT),
    EFFECTIVENESS_LATE(Severity.HIGH, SubjectKind.AGREEMENT),
    SALES_UNAVAILABLE(Severity.HIGH, SubjectKind.AGREEMENT),
    ALLOWED_DELAY_EXCEEDED(Severity.HIGH, SubjectKind.AGREEMENT),
    COVERAGE_AMENDMENT_LATE(Severity.HIGH, SubjectKind.AGREEMENT),
    EVENT_OF_DEFAULT(Severity.CRITICAL, SubjectKind.INSTRUMENT),
    INTEREST_UNPAID(Severity.HIGH, SubjectKind.INSTRUMENT),
    DEFAULT_INTEREST_OVERDUE(Severity.HIGH, SubjectKind.INSTRUMENT),
    /** SPEC §7 v2: principal outstanding after the (adjusted) Maturity Date. */
    PRINCIPAL_UNPAID(Severity.HIGH, SubjectKind.INSTRUMENT),
    CONVERSION_DEFAULT(Severity.HIGH, SubjectKind.INSTRUMENT),
    VWAP_TEST_MET(Severity.INFO, SubjectKind.INSTRUMENT),
    /** SPEC §12: from a Target Period's breach date, a quarter of it has no EBITDA figure yet (not a breach). */
    EBITDA_NOT_REPORTED(Severity.HIGH, SubjectKind.SYMBOL),
    /** SPEC §12, Debenture 6(f)(i): the EBITDA Certificate not delivered by its due date. */
    EBITDA_CERTIFICATE_LATE(Severity.HIGH, SubjectKind.SYMBOL),
    /** SPEC §13, Debenture 8(c): a waiver signed by Holders of less than the consent share of the group's principal. */
    WAIVER_PENDING(Severity.INFO, SubjectKind.INSTRUMENT),
    /** SPEC §16, RRA 2(a): the first filing below 150% of the shares required on the Closing Date, until cured. */
    REGISTRATION_UNDERSIZED(Severity.HIGH, SubjectKind.AGREEMENT),
    /** SPEC §16, RRA 4(k): after first effectiveness, the shares registered below 125% of the shares required. */
    COVERAGE_SHORTFALL(Severity.HIGH, SubjectKind.AGREEMENT),
    /** SPEC §16, Debenture 3(f): a conversion whose shares, with the Holder's position, exceed the cap; one row on its date. */
    OWNERSHIP_CAP_EXCEEDED(Severity.HIGH, SubjectKind.INSTRUMENT),
    /** SPEC §16, Debenture 5(b)-(c): a Mandatory Conversion Notice that fails a test; one row on its date. */
    MANDATORY_CONVERSION_INVALID(Severity.HIGH, SubjectKind.INSTRUMENT),
    /** SPEC §14, Debenture 6(a): a Mandatory Redemption notice that fails a test; one row on its date. */
    REDEMPTION_NOTICE_INVALID(Severity.HIGH, SubjectKind.INSTRUMENT),
    /** SPEC §14, Debenture 6(c): a Mandatory Redemption Price not paid in full by its 5th Business Day. */
    REDEMPTION_PAYMENT_LATE(Severity.CRITICAL, SubjectKind.INSTRUMENT),
    /** SPEC §15, Debenture 4(d): a distribution without its notice by the 10th Business Day before it; one row on its date. */
    DISTRIBUTION_NOTICE_LATE(Severity.HIGH, SubjectKind.SYMBOL),
    /**
     * SPEC §15, Debenture 4(a)(F): an issuance whose adjustment needs a Market Price or a share count the inputs do
     * not give (symbol), or a 4(h)(v) issuance whose cap cannot be checked (instrument); one row on its date.
     */
    ADJUSTMENT_NOT_COMPUTABLE(Severity.HIGH, SubjectKind.SYMBOL),
    /** Early warning (not a SPEC §10 code): the VWAP test's rolling count has reached the warning level (15 of 30). */
    VWAP_TEST_NEAR(Severity.INFO, SubjectKind.INSTRUMENT);

    /** What an exception's {@code subject} is. */
    public enum SubjectKind { SYMBOL, AGREEMENT, INSTRUMENT }

    private final Severity severity;
    private final SubjectKind subjectKind;

    ExceptionCode(Severity severity, SubjectKind subjectKind) {
        this.severity = severity;
        this.subjectKind = subjectKind;
    }

    public Severity severity() {
        return severity;
    }

    public SubjectKind subjectKind() {
        return subjectKind;
    }
}
