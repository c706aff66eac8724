package org.debentures.compliance.rules.registration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.debentures.compliance.calendar.DateInterval;
import org.debentures.compliance.events.EventIntervals;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;

/**
 * What the filings log says about one registration rights agreement, as known on an as-of date:
 * filings, effectiveness, suspensions, Allowed Delays, coverage notices and amendments (RRA 2(a),
 * 1(b), 2(d)(B), 4(f), 4(k)). Intervals are start day in, end day out; one still open is open.
 */
public record RegistrationTimeline(String agreementId, List<LocalDate> filings, List<LocalDate> effectiveDates,
                                   List<DateInterval> suspensions, List<DateInterval> allowedDelays,
                                   List<LocalDate> coverageNotices, List<LocalDate> amendments) {

    public RegistrationTimeline {
        filings = List.copyOf(filings);
        effectiveDates = List.copyOf(effectiveDates);
        suspensions = List.copyOf(suspensions);
        allowedDelays = List.copyOf(allowedDelays);
        coverageNotices = List.copyOf(coverageNotices);
        amendments = List.copyOf(amendments);
    }

    /** @param events the agreement's accepted events, in date order */
    public static RegistrationTimeline of(String agreementId, List<FilingEvent> events) {
        List<LocalDate> filings = new ArrayList<>();
        List<LocalDate> effective = new ArrayList<>();
        List<LocalDate> notices = new ArrayList<>();
        List<LocalDate> amendments = new ArrayList<>();
        for (FilingEvent event : events) {
            switch (event.type()) {
                case REGISTRATION_FILED -> filings.add(event.date());
                case REGISTRATION_EFFECTIVE -> effective.add(event.date());
                case COVERAGE_NOTICE -> notices.add(event.date());
                case REGISTRATION_AMENDED -> amendments.add(event.date());
                default -> {
                }
            }
        }
        return new RegistrationTimeline(agreementId, filings, effective,
                EventIntervals.of(events, EventType.SALES_SUSPENDED), EventIntervals.of(events, EventType.ALLOWED_DELAY_START),
                notices, amendments);
    }

    /** The day the Registration Statement was first declared effective (RRA 1(b)), if it was. */
    public Optional<LocalDate> firstEffective() {
        return effectiveDates.stream().min(LocalDate::compareTo);
    }

    /** The first filing (RRA 2(a)), if any. */
    public Optional<LocalDate> firstFiling() {
        return filings.stream().min(LocalDate::compareTo);
    }

    /** The first {@code REGISTRATION_AMENDED} on or after {@code date}. */
    public Optional<LocalDate> firstAmendmentOnOrAfter(LocalDate date) {
        return amendments.stream().filter(d -> !d.isBefore(date)).min(LocalDate::compareTo);
    }

    /** The first {@code REGISTRATION_EFFECTIVE} on or after {@code date}. */
    public Optional<LocalDate> firstEffectiveOnOrAfter(LocalDate date) {
        return effectiveDates.stream().filter(d -> !d.isBefore(date)).min(LocalDate::compareTo);
    }
}
