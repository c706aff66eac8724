package org.debentures.compliance.events;

import java.util.ArrayList;
import java.util.List;
import org.debentures.compliance.calendar.DateInterval;

/**
 * Pairs start and end events of one subject into intervals (SPEC §6: start day in, end day out;
 * still open at the end of what is known: open). The events must be valid (an end always closes
 * an open start), as intake resolution guarantees.
 */
public final class EventIntervals {

    private EventIntervals() {
    }

    /**
     * @param events events of one subject in date order, of {@code opener} and its closer type (others are ignored)
     */
    public static List<DateInterval> of(List<FilingEvent> events, EventType opener) {
        EventType closer = opener.closer().orElseThrow(() -> new IllegalArgumentException(opener + " opens no interval"));
        List<DateInterval> intervals = new ArrayList<>();
        FilingEvent open = null;
        for (FilingEvent event : events) {
            if (event.type() == opener && open == null) {
                open = event;
            } else if (event.type() == closer && open != null) {
                intervals.add(new DateInterval(open.date(), event.date()));
                open = null;
            }
        }
        if (open != null) {
            intervals.add(DateInterval.open(open.date()));
        }
        return intervals;
    }
}
