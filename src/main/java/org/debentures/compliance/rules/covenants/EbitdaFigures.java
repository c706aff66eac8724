package org.debentures.compliance.rules.covenants;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;

/**
 * Each calendar quarter's EBITDA as the filings log tells it (Debenture 6(e), 6(f); SPEC §12): the
 * {@code EBITDA_CERTIFICATE}, {@code EBITDA_OBJECTION} and {@code EBITDA_FINAL} rows of the symbol,
 * their {@code document} the quarter ({@code YYYYQn}).
 *
 * <p>A quarter's figure as of day D is the {@code amount} of its latest {@code EBITDA_FINAL} dated on
 * or before D, else of its latest {@code EBITDA_CERTIFICATE}. Its state as of D: {@code FINAL} (an
 * {@code EBITDA_FINAL}, or a certificate whose EBITDA Review Period, through the
 * {@code review-business-days}-th Business Day after it, ended before D with no objection in it),
 * {@code UNDER_REVIEW} (a certificate in its review period, no objection), {@code OBJECTED} (an
 * objection during the review period of the latest certificate, no final figure) or {@code MISSING}.
 */
public final class EbitdaFigures {

    /** A quarter's state, weakest first: a Target Period's state is the weakest of its quarters'. */
    public enum State { MISSING, OBJECTED, UNDER_REVIEW, FINAL }

    /** A quarter's figure and state as of a day; {@code amount} is null when {@code MISSING}. */
    public record Figure(BigDecimal amount, State state) {
    }

    private final Map<LocalDate, List<FilingEvent>> byQuarter = new HashMap<>();
    private final BusinessDays businessDays;
    private final int reviewBusinessDays;

    /**
     * @param events the symbol's rows, in date then read order (any types; the EBITDA ones are used)
     */
    public EbitdaFigures(List<FilingEvent> events, BusinessDays businessDays, int reviewBusinessDays) {
        this.businessDays = businessDays;
        this.reviewBusinessDays = reviewBusinessDays;
        for (FilingEvent e : events) {
            if (e.type() == EventType.EBITDA_CERTIFICATE || e.type() == EventType.EBITDA_OBJECTION
                    || e.type() == EventType.EBITDA_FINAL) {
                byQuarter.computeIfAbsent(Quarters.end(e.document()), k -> new ArrayList<>()).add(e);
            }
        }
    }

    /** The quarter ending {@code quarterEnd}, as known on {@code day} (rows dated after it are not known). */
    public Figure asOf(LocalDate quarterEnd, LocalDate day) {
        FilingEvent certificate = null;
        FilingEvent fin = null;
        for (FilingEvent e : byQuarter.getOrDefault(quarterEnd, List.of())) {
            if (e.date().isAfter(day)) {
                continue;
            }
            if (e.type() == EventType.EBITDA_FINAL) {
                fin = e;
            } else if (e.type() == EventType.EBITDA_CERTIFICATE) {
                certificate = e;
            }
        }
        if (fin != null) {
            return new Figure(fin.amount(), State.FINAL);
        }
        if (certificate == null) {
            return new Figure(null, State.MISSING);
        }
        LocalDate reviewEnd = reviewEnd(certificate.date());
        FilingEvent cert = certificate;
        boolean objected = byQuarter.get(quarterEnd).stream().anyMatch(e -> e.type() == EventType.EBITDA_OBJECTION
                && !e.date().isBefore(cert.date()) && !e.date().isAfter(reviewEnd) && !e.date().isAfter(day));
        State state = objected ? State.OBJECTED : day.isAfter(reviewEnd) ? State.FINAL : State.UNDER_REVIEW;
        return new Figure(certificate.amount(), state);
    }

    /** The last day of the EBITDA Review Period of a certificate delivered on {@code delivered}. */
    public LocalDate reviewEnd(LocalDate delivered) {
        return reviewBusinessDays == 0 ? delivered : businessDays.businessDaysAfter(delivered, reviewBusinessDays);
    }

    /** The first day a figure of the quarter (a certificate or a final figure) is known, if one is. */
    public Optional<LocalDate> firstKnown(LocalDate quarterEnd) {
        return byQuarter.getOrDefault(quarterEnd, List.of()).stream()
                .filter(e -> e.type() != EventType.EBITDA_OBJECTION).map(FilingEvent::date).min(LocalDate::compareTo);
    }

    /** The first {@code EBITDA_CERTIFICATE} of the quarter, if any. */
    public Optional<FilingEvent> firstCertificate(LocalDate quarterEnd) {
        return byQuarter.getOrDefault(quarterEnd, List.of()).stream()
                .filter(e -> e.type() == EventType.EBITDA_CERTIFICATE).findFirst();
    }
}
