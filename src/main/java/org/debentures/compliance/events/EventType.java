package org.debentures.compliance.events;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * The filings and events log {@code type} values of SPEC §2, with the subject each names and the
 * fields it needs. Start/end pairs (suspensions, Allowed Delays, halts) know their partner.
 */
public enum EventType {
    REGISTRATION_FILED(SubjectKind.AGREEMENT, List.of("shares"), "RRA 2(a)"),
    REGISTRATION_EFFECTIVE(SubjectKind.AGREEMENT, List.of(), "RRA 1(b)"),
    SALES_SUSPENDED(SubjectKind.AGREEMENT, List.of("note"), "RRA 2(d)(B)"),
    SALES_RESUMED(SubjectKind.AGREEMENT, List.of(), "RRA 2(d)(B)"),
    ALLOWED_DELAY_START(SubjectKind.AGREEMENT, List.of(), "RRA 4(f)"),
    ALLOWED_DELAY_END(SubjectKind.AGREEMENT, List.of(), "RRA 4(f)"),
    COVERAGE_NOTICE(SubjectKind.AGREEMENT, List.of(), "RRA 4(k)"),
    REGISTRATION_AMENDED(SubjectKind.AGREEMENT, List.of("shares"), "RRA 4(k)"),
    CONVERSION(SubjectKind.INSTRUMENT, List.of("amount", "shares"), "Debenture 3"),
    SHARES_DELIVERED(SubjectKind.INSTRUMENT, List.of("document"), "Debenture 3(d)"),
    INTEREST_PAID(SubjectKind.INSTRUMENT, List.of("amount"), "Debenture 2(a)"),
    DEFAULT_INTEREST_PAID(SubjectKind.INSTRUMENT, List.of("amount"), "Debenture 2(b)"),
    PENALTY_PAID(SubjectKind.INSTRUMENT, List.of("amount"), "RRA 2(d)"),
    /** SPEC §2, §7 (v2): a Conversion Default amount paid; settles Conversion Default accruals oldest month first. */
    CONVERSION_DEFAULT_PAID(SubjectKind.INSTRUMENT, List.of("amount"), "Debenture 3(e)"),
    PRINCIPAL_REPAID(SubjectKind.INSTRUMENT, List.of("amount"), "Debenture 6"),
    STOCK_SPLIT(SubjectKind.SYMBOL, List.of("ratio"), "Debenture 4(a)(A)/(B)"),
    STOCK_DIVIDEND(SubjectKind.SYMBOL, List.of("ratio"), "Debenture 4(a)(C)"),
    TRADING_HALTED(SubjectKind.SYMBOL, List.of(), "Debenture 5(c)(v)"),
    TRADING_RESUMED(SubjectKind.SYMBOL, List.of(), "Debenture 5(c)(v)"),
    // SPEC §12 (v2): covenants and further Events of Default; a quarter is written YYYYQn, a year YYYY
    /** Public disclosure of a quarter's earnings ({@code document} = the quarter): the certificate is due after it. */
    EARNINGS_RELEASED(SubjectKind.SYMBOL, List.of("document"), "Debenture 6(f)(i)"),
    /** An EBITDA Certificate: the quarter's EBITDA ({@code amount}, may be negative). */
    EBITDA_CERTIFICATE(SubjectKind.SYMBOL, List.of("document", "amount"), "Debenture 6(f)(i)"),
    /** A Holder's EBITDA Objection Notice about the quarter's certificate. */
    EBITDA_OBJECTION(SubjectKind.SYMBOL, List.of("document"), "Debenture 6(f)(ii)"),
    /** The quarter's EBITDA as agreed or set by the Accounting Firm ({@code amount}, may be negative). */
    EBITDA_FINAL(SubjectKind.SYMBOL, List.of("document", "amount"), "Debenture 6(f)(ii)-(iii)"),
    /** A year's capital expenditures per the audited statements ({@code document} = the year). */
    CAPEX_AUDITED(SubjectKind.SYMBOL, List.of("document", "amount"), "Debenture 6(d)(x)"),
    /** A year's gross revenues from sales per the audited statements ({@code document} = the year). */
    REVENUE_AUDITED(SubjectKind.SYMBOL, List.of("document", "amount"), "Debenture 6(d)(x)"),
    /** Not eligible on Nasdaq nor listed on AMEX or NYSE from this date. */
    DELISTED(SubjectKind.SYMBOL, List.of(), "Debenture 6(d)(i)"),
    /** Listed again from this date. */
    LISTED(SubjectKind.SYMBOL, List.of(), "Debenture 6(d)(i)"),
    /** A 4(e) Announcement ({@code document} = CHANGE_OF_CONTROL or TENDER_OFFER); a Change of Control one is also 6(d)(ii). */
    MAJOR_ANNOUNCEMENT(SubjectKind.SYMBOL, List.of("document"), "Debenture 4(e), 6(d)(ii)"),
    /** The announced transaction is effected. */
    TRANSACTION_CONSUMMATED(SubjectKind.SYMBOL, List.of(), "Debenture 6(d)(ii)"),
    /** The announced transaction is publicly abandoned. */
    TRANSACTION_ABANDONED(SubjectKind.SYMBOL, List.of(), "Debenture 6(d)(ii)"),
    /** A Liquidation Event (7(a)): 6(d)(ii), continuing. */
    LIQUIDATION_EVENT(SubjectKind.SYMBOL, List.of(), "Debenture 6(d)(ii), 7(a)"),
    // SPEC §13 (v2)
    /** The Company and the instrument's Holder signed a waiver ({@code document}; {@code clause}, {@code period_end} optional). */
    WAIVER(SubjectKind.INSTRUMENT, List.of("document"), "Debenture 8(c)"),
    // SPEC §14 (v2)
    /** A Mandatory Redemption notice ({@code effective_date} = the Mandatory Redemption Date; {@code amount} empty = all). */
    REDEMPTION_NOTICE(SubjectKind.INSTRUMENT, List.of("effective_date"), "Debenture 6(a)"),
    /** A payment of a Mandatory Redemption Price ({@code document} = the notice's reference; empty = the oldest unpaid). */
    REDEMPTION_PAID(SubjectKind.INSTRUMENT, List.of("amount"), "Debenture 6(c)"),
    /** A notice rescinded ({@code document} = the notice's reference). */
    REDEMPTION_RESCINDED(SubjectKind.INSTRUMENT, List.of("document"), "Debenture 6(a)"),
    // SPEC §15 (v2)
    /** The Company's notice of a distribution ({@code effective_date} = the distribution's effective date). */
    DISTRIBUTION_NOTICE(SubjectKind.SYMBOL, List.of("effective_date"), "Debenture 4(d)"),
    /** A distribution to holders of Common Stock, dated its effective date. */
    DISTRIBUTION(SubjectKind.SYMBOL, List.of(), "Debenture 4(d)"),
    /** The shares of Common Stock outstanding ({@code shares}), in force from its date to the next such row. */
    SHARES_OUTSTANDING(SubjectKind.SYMBOL, List.of("shares"), "Debenture 4(a)(F)"),
    /**
     * An issuance of Common Stock or of securities convertible into it ({@code shares} issued or most issuable,
     * {@code price} per share or the conversion or exercise price, {@code amount} the aggregate consideration, empty =
     * shares x price, {@code document} COMMON, CONVERTIBLE or RESET, {@code clause} a 4(h) exemption or empty).
     */
    ISSUANCE(SubjectKind.SYMBOL, List.of("shares", "price", "document"), "Debenture 4(a)(D)-(F), 4(h)"),
    // SPEC §16 (v2)
    /** The Holder's beneficial ownership other than the debenture's Conversion Shares ({@code shares}, may be 0). */
    HOLDER_POSITION(SubjectKind.INSTRUMENT, List.of("shares"), "Debenture 3(f)"),
    /** The Company's Mandatory Conversion notice ({@code effective_date} = the Mandatory Conversion Date). */
    MANDATORY_CONVERSION_NOTICE(SubjectKind.INSTRUMENT, List.of("effective_date"), "Debenture 5(b)-(c)");

    /** What an {@code ISSUANCE} issues (SPEC §15): common stock, convertible securities, or a reset of their price. */
    public static final List<String> ISSUANCE_DOCUMENTS = List.of("COMMON", "CONVERTIBLE", "RESET");

    /** The types whose {@code document} is a calendar quarter, {@code YYYYQn}. */
    public static final Set<EventType> QUARTER_DOCUMENT = Collections.unmodifiableSet(
            EnumSet.of(EARNINGS_RELEASED, EBITDA_CERTIFICATE, EBITDA_OBJECTION, EBITDA_FINAL));
    /** The types whose {@code document} is a year, {@code YYYY}. */
    public static final Set<EventType> YEAR_DOCUMENT = Collections.unmodifiableSet(EnumSet.of(CAPEX_AUDITED, REVENUE_AUDITED));
    /** The only types whose {@code amount} may be zero or negative (SPEC §12): an EBITDA can be a loss. */
    public static final Set<EventType> SIGNED_AMOUNT = Collections.unmodifiableSet(EnumSet.of(EBITDA_CERTIFICATE, EBITDA_FINAL));
    /** What a {@code MAJOR_ANNOUNCEMENT} announces (SPEC §12, Debenture 4(e)). */
    public static final List<String> ANNOUNCEMENTS = List.of("CHANGE_OF_CONTROL", "TENDER_OFFER");

    private final SubjectKind subjectKind;
    private final List<String> requiredFields;
    private final String clause;

    EventType(SubjectKind subjectKind, List<String> requiredFields, String clause) {
        this.subjectKind = subjectKind;
        this.requiredFields = requiredFields;
        this.clause = clause;
    }

    public SubjectKind subjectKind() {
        return subjectKind;
    }

    public List<String> requiredFields() {
        return requiredFields;
    }

    public String clause() {
        return clause;
    }

    /** For an interval's closing type ({@code SALES_RESUMED}), the type that opens it. */
    public Optional<EventType> opener() {
        return switch (this) {
            case SALES_RESUMED -> Optional.of(SALES_SUSPENDED);
            case ALLOWED_DELAY_END -> Optional.of(ALLOWED_DELAY_START);
            case TRADING_RESUMED -> Optional.of(TRADING_HALTED);
            default -> Optional.empty();
        };
    }

    /** For an interval's opening type ({@code SALES_SUSPENDED}), the type that closes it. */
    public Optional<EventType> closer() {
        return switch (this) {
            case SALES_SUSPENDED -> Optional.of(SALES_RESUMED);
            case ALLOWED_DELAY_START -> Optional.of(ALLOWED_DELAY_END);
            case TRADING_HALTED -> Optional.of(TRADING_RESUMED);
            default -> Optional.empty();
        };
    }

    public static Optional<EventType> parse(String text) {
        for (EventType type : values()) {
            if (type.name().equals(text)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
