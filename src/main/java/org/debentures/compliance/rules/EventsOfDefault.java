package org.debentures.compliance.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;

/**
 * The Events of Default the business steps have found so far for the instruments of one symbol
 * (Debenture 6(d), any clause), and the events that "with the passage of time or giving of notice,
 * or both, would constitute an Event of Default" (SPEC §5 v2: an obligation overdue inside its
 * grace). Later steps read them: the Mandatory Redemption Prices (6(b)) for every day an Event of
 * Default continues, the readiness for 5(c)(vi).
 */
public final class EventsOfDefault {

    /** By instrument, in the order the steps found them: Events of Default and pending events together. */
    private final Map<String, List<Finding>> found = new HashMap<>();

    /**
     * Adds, in their order, the {@code EVENT_OF_DEFAULT} runs among {@code findings} and those of the {@code pending}
     * codes (events that would become an Event of Default with time); other findings are not kept.
     */
    public void add(String instrumentId, List<Finding> findings, Set<ExceptionCode> pending) {
        for (Finding f : findings) {
            if (!f.subject().equals(instrumentId)) {
                throw new IllegalArgumentException("not a finding about " + instrumentId + ": " + f);
            }
            if (f.code() == ExceptionCode.EVENT_OF_DEFAULT || pending.contains(f.code())) {
                found.computeIfAbsent(instrumentId, k -> new ArrayList<>()).add(f);
            }
        }
    }

    /** The instrument's Events of Default found so far (any clause). */
    public List<Finding> of(String instrumentId) {
        return found.getOrDefault(instrumentId, List.of()).stream()
                .filter(f -> f.code() == ExceptionCode.EVENT_OF_DEFAULT).toList();
    }

    /** The Events of Default and the events that would become one with time: what defeats 5(c)(vi). */
    public List<Finding> withPending(String instrumentId) {
        return List.copyOf(found.getOrDefault(instrumentId, List.of()));
    }
}
