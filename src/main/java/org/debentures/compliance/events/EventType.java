package org.debentures.compliance.events;

import java.util.List;
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
    TRADING_RESUMED(SubjectKind.SYMBOL, List.of(), "Debenture 5(c)(v)");

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
