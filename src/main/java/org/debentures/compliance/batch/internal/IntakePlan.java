package org.debentures.compliance.batch.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.debentures.compliance.market.PriceFeed;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What {@code prepareIntake} decided for each price feed, kept in the job's execution context for
 * the steps after it (and for a restart): the files whose staged rows are kept from an earlier run,
 * and the place in file order of the first file this run reads. No entry means "read everything,
 * resolve everything", which is always correct.
 */
public final class IntakePlan {

    private static final String KEPT = "intake.kept.";
    private static final String FIRST_READ = "intake.firstRead.";
    private static final String WINDOW_KEY = "intake.windowKey";
    private static final String RESOLVED = "intake.resolvedFiles";

    private IntakePlan() {
    }

    /** @param firstRead null when the feed is read in full */
    public static void put(ExecutionContext job, PriceFeed feed, Set<String> kept, Integer firstRead, String windowKey) {
        job.putString(KEPT + feed.name(), String.join("\n", new TreeSet<>(kept)));
        if (firstRead == null) {
            job.remove(FIRST_READ + feed.name());
        } else {
            job.putInt(FIRST_READ + feed.name(), firstRead);
        }
        job.putString(WINDOW_KEY, windowKey);
    }

    /** The file names whose rows are kept; empty when none (or no plan). */
    public static Set<String> kept(String keptEntry) {
        return keptEntry == null || keptEntry.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(keptEntry.split("\n")));
    }

    public static Set<String> kept(ExecutionContext job, PriceFeed feed) {
        return kept(job.containsKey(KEPT + feed.name()) ? job.getString(KEPT + feed.name()) : null);
    }

    /** The file order from which this run read the feed's files, or null when it read them all. */
    public static Integer firstReadFileOrder(ExecutionContext job, PriceFeed feed) {
        return job.containsKey(FIRST_READ + feed.name()) ? job.getInt(FIRST_READ + feed.name()) : null;
    }

    /** Records the files with rows whose key resolution looked at again (their counts may have changed). */
    public static void putResolvedFiles(ExecutionContext job, Set<String> files) {
        job.putString(RESOLVED, String.join("\n", new TreeSet<>(files)));
    }

    public static Set<String> resolvedFiles(ExecutionContext job) {
        return kept(job.containsKey(RESOLVED) ? job.getString(RESOLVED) : null);
    }

    public static String windowKey(ExecutionContext job) {
        return job.containsKey(WINDOW_KEY) ? job.getString(WINDOW_KEY) : null;
    }
}
