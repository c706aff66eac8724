package org.debentures.compliance.rules.conversion;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;

/**
 * The symbol's shares of Common Stock outstanding (SPEC §15, §16): each {@code SHARES_OUTSTANDING} row is in
 * force from its date to the next one's (of two rows of one date, the later in file and line order).
 */
public final class SharesOutstanding {

    private final NavigableMap<LocalDate, Long> byDate = new TreeMap<>();

    /** @param events the symbol's rows, in date then read order; rows of other types are ignored */
    public SharesOutstanding(List<FilingEvent> events) {
        for (FilingEvent e : events) {
            if (e.type() == EventType.SHARES_OUTSTANDING && e.shares() != null) {
                byDate.put(e.date(), e.shares());
            }
        }
    }

    /** The shares outstanding in force on {@code date}; {@code null} when no row is dated on or before it. */
    public Long inForceOn(LocalDate date) {
        Map.Entry<LocalDate, Long> entry = byDate.floorEntry(date);
        return entry == null ? null : entry.getValue();
    }

    public boolean isEmpty() {
        return byDate.isEmpty();
    }
}
