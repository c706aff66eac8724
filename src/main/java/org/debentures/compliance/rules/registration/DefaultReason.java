package org.debentures.compliance.rules.registration;

import org.debentures.compliance.findings.ExceptionCode;

/** Why a day is a Registration Default day (RRA 2(d), SPEC §6, §10 {@code reasons}), in report order. */
public enum DefaultReason {
    FILING_LATE("RRA 2(d)(A) filing", ExceptionCode.FILING_LATE),
    EFFECTIVENESS_LATE("RRA 2(d)(A) effectiveness", ExceptionCode.EFFECTIVENESS_LATE),
    SALES_SUSPENDED("RRA 2(d)(B)", ExceptionCode.SALES_UNAVAILABLE),
    ALLOWED_DELAY_EXCEEDED("RRA 2(d)(B), 4(f)", ExceptionCode.ALLOWED_DELAY_EXCEEDED),
    COVERAGE_LATE("RRA 2(d)(C), 4(k)", ExceptionCode.COVERAGE_AMENDMENT_LATE);

    private final String clause;
    private final ExceptionCode exceptionCode;

    DefaultReason(String clause, ExceptionCode exceptionCode) {
        this.clause = clause;
        this.exceptionCode = exceptionCode;
    }

    public String clause() {
        return clause;
    }

    /** The exception raised while days with this reason continue. */
    public ExceptionCode exceptionCode() {
        return exceptionCode;
    }
}
