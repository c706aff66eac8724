package org.debentures.compliance.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;

/**
 * SPEC §2 rules for one row of the filings and events log
 * ({@code date,type,subject,amount,shares,ratio,price,document,note}): a known type, a subject of
 * the kind the type names and known to the deal files, every field the type needs, and every
 * number given well formed (amounts, prices and ratios above zero, share counts whole and above
 * zero). Rules that need other rows (an {@code _END} with no start) are in
 * {@link FilingLogResolution}.
 *
 * <p>SPEC §12 (v2) adds three optional columns, empty where a type does not use them: {@code clause}
 * (one of {@link #CLAUSES}), {@code period_end} and {@code effective_date} (dates). A log without
 * them is read as before (its rows have none of the three).
 */
public final class FilingRowRule {

    public static final List<String> REQUIRED_COLUMNS = List.of("date", "type", "subject");
    public static final List<String> KNOWN_COLUMNS = List.of("date", "type", "subject", "amount", "shares", "ratio",
            "price", "document", "note", "clause", "period_end", "effective_date");

    /**
     * The clauses a row's {@code clause} may name: a waiver's Event of Default clause {@code 6(d)(i)}
     * .. {@code 6(d)(xi)} (SPEC §13; §12's Events of Default) and an issuance's exemption
     * {@code 4(h)(i)} .. {@code 4(h)(v)} (SPEC §15), written exactly so.
     */
    public static final List<String> CLAUSES = clauses();

    private final KnownSubjects subjects;

    public FilingRowRule(KnownSubjects subjects) {
        this.subjects = subjects;
    }

    public Checked<FilingEvent> check(Map<String, String> values) {
        Fields fields = new Fields(values);
        return Checked.of(() -> {
            var date = fields.requiredDate("date");
            String typeText = fields.requiredText("type");
            EventType type = EventType.parse(typeText)
                    .orElseThrow(() -> new RowRejection("unknown type '" + typeText + "'"));
            String subject = fields.requiredText("subject");
            if (!subjects.contains(type.subjectKind(), subject)) {
                throw new RowRejection(type + " needs " + type.subjectKind().description()
                        + " as subject; '" + subject + "' is not one in the deal files");
            }
            for (String required : type.requiredFields()) {
                if (fields.text(required) == null) {
                    throw new RowRejection(type + " needs " + required + " (empty or missing column)");
                }
            }
            String document = fields.text("document");
            checkDocument(type, document);
            String clause = clause(fields.text("clause"));
            if (type == EventType.WAIVER && clause != null && !clause.startsWith("6(d)(")) {
                throw new RowRejection("WAIVER names clause " + clause + "; a waiver covers an Event of Default clause,"
                        + " 6(d)(i) .. 6(d)(xi), or every clause when empty (Debenture 8(c), SPEC §13)");
            }
            if (type == EventType.ISSUANCE && clause != null && !clause.startsWith("4(h)(")) {
                throw new RowRejection("ISSUANCE names clause " + clause + "; an issuance's clause is its 4(h) exemption,"
                        + " 4(h)(i) .. 4(h)(v), or empty when it is not exempt (Debenture 4(h), SPEC §15)");
            }
            return new FilingEvent(date, type, subject,
                    EventType.SIGNED_AMOUNT.contains(type) ? fields.optionalDecimal("amount")
                            : fields.optionalPositiveDecimal("amount"),
                    type == EventType.HOLDER_POSITION ? fields.optionalCount("shares")
                            : fields.optionalPositiveCount("shares"),
                    fields.optionalPositiveDecimal("ratio"),
                    fields.optionalPositiveDecimal("price"),
                    document,
                    fields.text("note"),
                    clause,
                    fields.optionalDate("period_end"),
                    fields.optionalDate("effective_date"));
        });
    }

    private static final java.util.regex.Pattern QUARTER = java.util.regex.Pattern.compile("\\d{4}Q[1-4]");
    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("\\d{4}");

    /** SPEC §12: a quarter written {@code YYYYQn}, a year {@code YYYY}, an announcement of a known kind. */
    private static void checkDocument(EventType type, String document) {
        if (document == null) {
            return; // required where the type needs it (requiredFields)
        }
        String shown = document.length() <= 40 ? document : document.substring(0, 40) + "...";
        if (EventType.QUARTER_DOCUMENT.contains(type) && !QUARTER.matcher(document).matches()) {
            throw new RowRejection(type + " needs the quarter as document, written YYYYQn (2003Q1); '" + shown
                    + "' is not one");
        }
        if (EventType.YEAR_DOCUMENT.contains(type) && !YEAR.matcher(document).matches()) {
            throw new RowRejection(type + " needs the year as document, written YYYY (2003); '" + shown + "' is not one");
        }
        if (type == EventType.ISSUANCE && !EventType.ISSUANCE_DOCUMENTS.contains(document)) {
            throw new RowRejection("ISSUANCE needs document COMMON, CONVERTIBLE or RESET; '" + shown + "' is none of them");
        }
        if (type == EventType.MAJOR_ANNOUNCEMENT && !EventType.ANNOUNCEMENTS.contains(document)) {
            throw new RowRejection("MAJOR_ANNOUNCEMENT needs document CHANGE_OF_CONTROL or TENDER_OFFER; '" + shown
                    + "' is neither");
        }
    }

    private static String clause(String text) {
        if (text != null && !CLAUSES.contains(text)) {
            String shown = text.length() <= 40 ? text : text.substring(0, 40) + "...";
            throw new RowRejection("clause '" + shown + "' is not a clause the log may name: 6(d)(i) .. 6(d)(xi)"
                    + " (Debenture 6(d), SPEC §13) or 4(h)(i) .. 4(h)(v) (Debenture 4(h), SPEC §15)");
        }
        return text;
    }

    private static List<String> clauses() {
        List<String> romans = List.of("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi");
        List<String> clauses = new ArrayList<>();
        romans.forEach(r -> clauses.add("6(d)(" + r + ")"));
        romans.subList(0, 5).forEach(r -> clauses.add("4(h)(" + r + ")"));
        return List.copyOf(clauses);
    }
}
