package org.debentures.compliance.intake;

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
 */
public final class FilingRowRule {

    public static final List<String> REQUIRED_COLUMNS = List.of("date", "type", "subject");
    public static final List<String> KNOWN_COLUMNS =
            List.of("date", "type", "subject", "amount", "shares", "ratio", "price", "document", "note");

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
            return new FilingEvent(date, type, subject,
                    fields.optionalPositiveDecimal("amount"),
                    fields.optionalPositiveCount("shares"),
                    fields.optionalPositiveDecimal("ratio"),
                    fields.optionalPositiveDecimal("price"),
                    fields.text("document"),
                    fields.text("note"));
        });
    }
}
