package org.debentures.compliance.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;

/**
 * The Events of Default the business steps have found so far for the instruments of one symbol
 * (Debenture 6(d), any clause), and the events that "with the passage of time or giving of notice,
 * or both, would constitute an Event of Default" (SPEC §5 v2: an obligation overdue inside its
 * grace). Later steps read them: the waivers (8(c)) trim them, cross-default (6(d)(vii)) reads the
 * named instruments', the Mandatory Redemption Prices (6(b)) follow every day one continues, the
 * readiness reads them for 5(c)(vi), and the job writes them ({@link #runs}).
 *
 * <p>They are kept per <em>cause</em> (SPEC §13: one Target Period, one capex year, one certificate,
 * one listing or announcement event, one run a step found), because a waiver covers causes; the
 * days of one clause are merged into runs only when written.
 */
public final class EventsOfDefault {

    /**
     * The clauses an {@code EVENT_OF_DEFAULT} row can name (Debenture 6(d); SPEC §10: {@code 6(d)(i)} ..
     * {@code 6(d)(x)}), in the order the job writes them.
     */
    public static final List<String> CLAUSES = List.of("6(d)(i)", "6(d)(ii)", "6(d)(iii)", "6(d)(iv)", "6(d)(v)",
            "6(d)(vi)", "6(d)(vii)", "6(d)(viii)", "6(d)(ix)", "6(d)(x)", "6(d)(xi)");

    /** What a reader of an Event of Default run is told the Holder may do (6(a), 6(b)). */
    public static final String REMEDY = "; the Holder may require redemption at the Mandatory Redemption Price (6(b))";

    /**
     * One cause of an instrument's Event of Default.
     *
     * @param last its last day; null: continuing through the run's last day
     * @param periodEnd for a 6(d)(ix) cause, the Target Period's last day (a waiver's {@code period_end} is
     *                  compared with it); null for other clauses
     * @param source which {@link #add} call gave it (the runs of one source are already maximal)
     * @param seq the order in which it was found, among the instrument's causes and pending events
     * @param began when the cause began (a waiver's {@code period_end} or effective date is compared with it):
     *              {@code first}, or for a 6(d)(vii) cause the start of the named instrument's run
     * @param waivedFrom the effective date of the waiver that ended it the day before; null when no waiver did
     * @param original the step's own run, while the cause is as the step gave it; null once trimmed or
     *                 when the step gave a cause rather than a run
     */
    public record Cause(String clause, LocalDate first, LocalDate last, String message, LocalDate periodEnd, int source,
                        int seq, Finding original, LocalDate began, LocalDate waivedFrom) {

        public Cause {
            Objects.requireNonNull(clause, "clause");
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(message, "message");
            if (began == null) {
                began = first;
            }
        }

        /** A cause not waived (yet). */
        public Cause(String clause, LocalDate first, LocalDate last, String message, LocalDate periodEnd, int source,
                     int seq, Finding original, LocalDate began) {
            this(clause, first, last, message, periodEnd, source, seq, original, began, null);
        }

        /**
         * The cause ended the day before {@code effective} by a waiver, its message saying so ({@code why}); no longer
         * the step's own run.
         */
        public Cause waived(LocalDate effective, String why) {
            return new Cause(clause, first, effective.minusDays(1), message + " " + why, periodEnd, source, seq, null, began,
                    effective);
        }

        /** The cause as an exception run of {@code instrumentId}. */
        public Finding finding(String instrumentId) {
            return original != null ? original
                    : new Finding(ExceptionCode.EVENT_OF_DEFAULT, instrumentId, clause, first, last, message);
        }

        /** Whether the cause holds on {@code day}. */
        public boolean on(LocalDate day) {
            return !day.isBefore(first) && (last == null || !day.isAfter(last));
        }
    }

    /** By instrument, the Events of Default by cause, in the order the steps found them. */
    private final Map<String, List<Cause>> causes = new HashMap<>();
    /**
     * A step's own runs of the causes of one {@link #add} call that gave its causes apart (the interest step: one run
     * may join several obligations), each with the order it was found in; written as they are while no cause of the
     * source is changed.
     */
    private record SourceRun(int seq, Finding run) {
    }

    private final Map<Integer, List<SourceRun>> sourceRuns = new HashMap<>();
    /** The sources a {@link #revise} changed. */
    private final Set<Integer> touched = new java.util.HashSet<>();
    /** An event that would become an Event of Default with time (SPEC §5 v2), in the order found. */
    private record Pending(int seq, Finding finding) {
    }

    /** By instrument, the events that would become an Event of Default with time, in order. */
    private final Map<String, List<Pending>> pending = new HashMap<>();
    private int sources;
    private int seq;

    /**
     * Adds, in their order, the {@code EVENT_OF_DEFAULT} runs among {@code findings} (each a cause) and those of the
     * {@code pendingCodes} (events that would become an Event of Default with time); other findings are not kept.
     */
    public void add(String instrumentId, List<Finding> findings, Set<ExceptionCode> pendingCodes) {
        int source = sources++;
        for (Finding f : findings) {
            if (!f.subject().equals(instrumentId)) {
                throw new IllegalArgumentException("not a finding about " + instrumentId + ": " + f);
            }
            if (f.code() == ExceptionCode.EVENT_OF_DEFAULT) {
                checkClause(f.clause(), f);
                causes.computeIfAbsent(instrumentId, k -> new ArrayList<>())
                        .add(new Cause(f.clause(), f.startDate(), f.endDate(), f.message(), null, source, seq++, f, null));
            } else if (pendingCodes.contains(f.code())) {
                pending.computeIfAbsent(instrumentId, k -> new ArrayList<>()).add(new Pending(seq++, f));
            }
        }
    }

    /**
     * As {@link #add(String, List, Set)}, for a step whose {@code EVENT_OF_DEFAULT} runs among {@code findings} join
     * several causes: {@code runCauses} are those causes (each already of the runs' clause and days). While no waiver
     * changes one of them, the step's runs are what is read and written; once one is, its causes are.
     */
    public void add(String instrumentId, List<Finding> findings, Set<ExceptionCode> pendingCodes, List<Cause> runCauses) {
        int source = sources++;
        List<SourceRun> runs = new ArrayList<>();
        for (Finding f : findings) {
            if (!f.subject().equals(instrumentId)) {
                throw new IllegalArgumentException("not a finding about " + instrumentId + ": " + f);
            }
            if (f.code() == ExceptionCode.EVENT_OF_DEFAULT) {
                checkClause(f.clause(), f);
                runs.add(new SourceRun(seq++, f));
            } else if (pendingCodes.contains(f.code())) {
                pending.computeIfAbsent(instrumentId, k -> new ArrayList<>()).add(new Pending(seq++, f));
            }
        }
        sourceRuns.put(source, runs);
        for (Cause c : runCauses) {
            checkClause(c.clause(), c);
            causes.computeIfAbsent(instrumentId, k -> new ArrayList<>())
                    .add(new Cause(c.clause(), c.first(), c.last(), c.message(), c.periodEnd(), source, seq++, null,
                            c.began()));
        }
    }

    /**
     * Adds causes that are not runs yet (SPEC §12's): each is {@code [first, last]} of its clause, already limited to
     * the days that bind the instrument.
     *
     */
    public void addCauses(String instrumentId, List<Cause> found) {
        int source = sources++;
        for (Cause c : found) {
            checkClause(c.clause(), c);
            causes.computeIfAbsent(instrumentId, k -> new ArrayList<>())
                    .add(new Cause(c.clause(), c.first(), c.last(), c.message(), c.periodEnd(), source, seq++, null,
                            c.began()));
        }
    }

    private static void checkClause(String clause, Object what) {
        if (!CLAUSES.contains(clause)) {
            throw new IllegalArgumentException("an Event of Default names no clause of Debenture 6(d): " + what);
        }
    }

    /** The instrument's causes so far, in the order they were found. */
    public List<Cause> causes(String instrumentId) {
        return List.copyOf(causes.getOrDefault(instrumentId, List.of()));
    }

    /**
     * Replaces each cause of the instrument by what {@code change} makes of it: the same cause, a trimmed one (its
     * {@code original} dropped), or null to drop it (SPEC §13: a waiver).
     */
    public void revise(String instrumentId, UnaryOperator<Cause> change) {
        List<Cause> revised = new ArrayList<>();
        for (Cause c : causes.getOrDefault(instrumentId, List.of())) {
            Cause after = change.apply(c);
            if (after != c) {
                touched.add(c.source());
            }
            if (after != null) {
                revised.add(after);
            }
        }
        causes.put(instrumentId, revised);
    }

    /**
     * The instrument's Events of Default found so far (any clause), in the order found: a step's own runs while its
     * causes are unchanged, else one per cause.
     */
    public List<Finding> of(String instrumentId) {
        return ordered(instrumentId).stream().map(Pending::finding).toList();
    }

    /** The Events of Default as {@link #of} gives them, each with the order it was found in. */
    private List<Pending> ordered(String instrumentId) {
        List<Pending> all = new ArrayList<>();
        Set<Integer> runsGiven = new java.util.HashSet<>();
        for (Cause c : causes.getOrDefault(instrumentId, List.of())) {
            List<SourceRun> runs = sourceRuns.get(c.source());
            if (runs != null && !touched.contains(c.source())) {
                if (runsGiven.add(c.source())) {
                    runs.forEach(r -> all.add(new Pending(r.seq(), r.run())));
                }
            } else {
                all.add(new Pending(c.seq(), c.finding(instrumentId)));
            }
        }
        all.sort(Comparator.comparingInt(Pending::seq));
        return all;
    }

    /** The Events of Default and the events that would become one with time: what defeats 5(c)(vi). */
    public List<Finding> withPending(String instrumentId) {
        List<Pending> all = new ArrayList<>(ordered(instrumentId));
        all.addAll(pending.getOrDefault(instrumentId, List.of()));
        all.sort(Comparator.comparingInt(Pending::seq));
        return all.stream().map(Pending::finding).toList();
    }

    /**
     * The instrument's Events of Default of every clause as the rows to write (SPEC §10: one row per maximal run of
     * consecutive days, per clause): a clause whose causes are one step's runs, untouched, keeps those runs; the causes
     * of any other clause are merged into runs, their messages joined. In clause order, then by start.
     */
    public List<Finding> runs(String instrumentId, LocalDate asOf) {
        List<Finding> rows = new ArrayList<>();
        List<Cause> all = causes.getOrDefault(instrumentId, List.of());
        for (String clause : CLAUSES) {
            List<Cause> ofClause = all.stream().filter(c -> c.clause().equals(clause)).toList();
            if (ofClause.isEmpty()) {
                continue;
            }
            boolean oneSource = ofClause.stream().map(Cause::source).distinct().count() == 1;
            int source = ofClause.get(0).source();
            if (oneSource && sourceRuns.containsKey(source) && !touched.contains(source)) {
                sourceRuns.get(source).stream().map(SourceRun::run).filter(r -> r.clause().equals(clause))
                        .forEach(rows::add);
            } else if (oneSource && ofClause.stream().allMatch(c -> c.original() != null)) {
                ofClause.forEach(c -> rows.add(c.original()));
            } else {
                // an unchanged source's own runs stand for its causes
                List<Cause> input = new ArrayList<>();
                Set<Integer> runsGiven = new java.util.HashSet<>();
                for (Cause c : ofClause) {
                    List<SourceRun> runs = sourceRuns.get(c.source());
                    if (runs == null || touched.contains(c.source())) {
                        input.add(c);
                    } else if (runsGiven.add(c.source())) {
                        runs.stream().map(SourceRun::run).filter(r -> r.clause().equals(clause)).forEach(r -> input.add(
                                new Cause(clause, r.startDate(), r.endDate(), r.message(), null, c.source(), 0, r, null)));
                    }
                }
                rows.addAll(merge(instrumentId, input, asOf));
            }
        }
        return rows;
    }

    /** Causes of one clause merged into runs where they overlap or touch. */
    private static List<Finding> merge(String instrumentId, List<Cause> ofClause, LocalDate asOf) {
        List<Cause> sorted = new ArrayList<>(ofClause);
        sorted.sort(Comparator.comparing(Cause::first));
        List<Finding> merged = new ArrayList<>();
        LocalDate start = null;
        LocalDate end = null;
        List<Cause> inRun = new ArrayList<>();
        String clause = sorted.get(0).clause();
        for (Cause c : sorted) {
            LocalDate last = c.last() == null || c.last().isAfter(asOf) ? asOf : c.last();
            if (c.first().isAfter(asOf) || last.isBefore(c.first())) {
                continue;
            }
            if (start != null && c.first().isAfter(end.plusDays(1))) {
                merged.add(run(instrumentId, clause, start, end, inRun, asOf));
                start = null;
                inRun.clear();
            }
            if (start == null) {
                start = c.first();
                end = last;
            } else if (last.isAfter(end)) {
                end = last;
            }
            inRun.add(c);
        }
        if (start != null) {
            merged.add(run(instrumentId, clause, start, end, inRun, asOf));
        }
        return merged;
    }

    /** One run of {@code causes}: a step's own run when it is the only one, else a run naming each cause. */
    private static Finding run(String instrumentId, String clause, LocalDate start, LocalDate end, List<Cause> causes,
                               LocalDate asOf) {
        if (causes.size() == 1 && causes.get(0).original() != null) {
            return causes.get(0).original();
        }
        Set<String> messages = new LinkedHashSet<>();
        causes.forEach(c -> messages.add(c.original() != null ? c.original().message() : c.message()));
        boolean open = !end.isBefore(asOf);
        return new Finding(ExceptionCode.EVENT_OF_DEFAULT, instrumentId, clause, start, open ? null : end,
                String.join("; ", messages) + ": " + start + (open ? " onwards" : " .. " + end) + REMEDY);
    }
}
