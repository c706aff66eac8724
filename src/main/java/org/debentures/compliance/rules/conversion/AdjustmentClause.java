package org.debentures.compliance.rules.conversion;

/**
 * The clauses of Debenture §4 that adjust the Conversion Price. Only the share-count events of
 * 4(a)(A)-(C) apply to the Mandatory Conversion VWAP test (§5(c)(ii)); dilutive issuances and
 * Major Announcements adjust the price a Holder converts at but not that threshold.
 */
public enum AdjustmentClause {
    /** 4(a)(A): stock split or similar increase of outstanding shares: price proportionately reduced. */
    STOCK_SPLIT("Debenture 4(a)(A)", true),
    /** 4(a)(B): reverse split or combination: price proportionately increased. */
    REVERSE_SPLIT("Debenture 4(a)(B)", true),
    /** 4(a)(C): stock dividend: price proportionately reduced on the record date. */
    STOCK_DIVIDEND("Debenture 4(a)(C)", true),
    /** 4(a)(D)-(F): issuances below the Conversion Price (not yet read from the filings log). */
    DILUTIVE_ISSUANCE("Debenture 4(a)(D)-(F)", false),
    /** 4(e): Major Announcement (not yet read from the filings log). */
    MAJOR_ANNOUNCEMENT("Debenture 4(e)", false);

    private final String clause;
    private final boolean shareCountEvent;

    AdjustmentClause(String clause, boolean shareCountEvent) {
        this.clause = clause;
        this.shareCountEvent = shareCountEvent;
    }

    public String clause() {
        return clause;
    }

    /** True for 4(a)(A)-(C): the adjustments that also apply to the §5(c)(ii) threshold. */
    public boolean isShareCountEvent() {
        return shareCountEvent;
    }
}
