package org.debentures.compliance.findings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The life of an exception across runs (SPEC §8, §10; README "Exception lifecycle"): an exception
 * is keyed by code, subject, clause and start date. A run over {@code [from, to]} replaces the
 * stored runs of its codes and subject that share a day with the range by the runs it knows as of
 * {@code to}; a stored run keeps the run that first saw it ({@code first_seen_run_id}) and, once
 * closed, the run in which it closed ({@code closed_in_run_id}). A stored run that overlapped the
 * range and is now known to have ended before it is rewritten with its end, not lost; one stored
 * before the range whose end now reaches into it is rewritten under its key.
 *
 * <p>Pure: the store reads the stored runs, asks {@link #replace} what to write, and writes it.
 */
public final class ExceptionLifecycle {

    /** A stored exception run of one subject, as the store holds it. */
    public record StoredRun(String code, String clause, LocalDate start, LocalDate end, Long firstSeenRunId,
                            String status, Long closedInRunId) {
        public StoredRun {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(clause, "clause");
            Objects.requireNonNull(start, "start");
        }

        String key() {
            return code + "|" + clause + "|" + start;
        }

        boolean overlaps(LocalDate from, LocalDate to) {
            return !start.isAfter(to) && (end == null || !end.isBefore(from));
        }
    }

    /** A row to store: the run, the run that last saw it, the run that first saw it, the run it closed in (null while open). */
    public record Row(Finding finding, long runId, long firstSeenRunId, Long closedInRunId) {
    }

    /**
     * What a replacement writes, after the store has deleted the stored runs that share a day with the
     * range: {@code rows} to insert, and {@code rewrittenOutsideRange}, the keys (as findings) of stored
     * runs outside the range that a row replaces, to delete first.
     */
    public record Plan(List<Row> rows, List<Finding> rewrittenOutsideRange) {
        public Plan {
            rows = List.copyOf(rows);
            rewrittenOutsideRange = List.copyOf(rewrittenOutsideRange);
        }
    }

    private ExceptionLifecycle() {
    }

    /**
     * @param stored  the stored runs of the subject and codes (and clause) being replaced, any dates
     * @param history every run of those codes about the subject known as of {@code to}
     */
    public static Plan replace(List<StoredRun> stored, List<Finding> history, LocalDate from, LocalDate to, long runId) {
        Map<String, StoredRun> byKey = new HashMap<>();
        for (StoredRun run : stored) {
            byKey.put(run.key(), run);
        }
        List<Row> rows = new ArrayList<>();
        List<Finding> rewritten = new ArrayList<>();
        for (Finding f : history) {
            StoredRun before = byKey.get(f.code().name() + "|" + f.clause() + "|" + f.startDate());
            boolean previous = before != null && before.overlaps(from, to);
            if (!f.overlaps(from, to) && !previous) {
                continue; // outside the range and not stored in it: another run's business
            }
            if (before != null && !previous) {
                rewritten.add(f); // stored outside the range under the same key (its end moved into the range)
            }
            long firstSeen = before == null || before.firstSeenRunId() == null ? runId : before.firstSeenRunId();
            Long closedIn = f.isOpen() ? null
                    : before != null && "CLOSED".equals(before.status()) && before.closedInRunId() != null
                    ? before.closedInRunId() : Long.valueOf(runId);
            rows.add(new Row(f, runId, firstSeen, closedIn));
        }
        return new Plan(rows, rewritten);
    }
}
