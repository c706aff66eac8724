package org.debentures.compliance.job.intake;

import org.debentures.compliance.rules.market.PriceFeed;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What {@code prepareIntake} decided for each price feed, kept in the job's execution context for
 * the steps after it (and for a restart): the place in file-name order of the first file this run
 * reads; the files before it keep the rows an earlier run staged. No entry means "read everything,
 * resolve everything", which is always correct. Only numbers and flags are kept here, never file
 * lists: the context is stored in a column of bounded size.
 */
public final class IntakePlan {

    /** The job-context key of a feed's first file read (also bound by the readers' bean definitions). */
    public static final String FIRST_READ = "intake.firstRead.";
    private static final String RECOUNT = "intake.recountKept.";
    private static final String WINDOW_KEY = "intake.windowKey";

    private IntakePlan() {
    }

    /** @param firstRead the number of files kept (they come first in file order), or null when the feed is read in full */
    public static void put(ExecutionContext job, PriceFeed feed, Integer firstRead, String windowKey) {
        if (firstRead == null) {
            job.remove(FIRST_READ + feed.name());
        } else {
            job.putInt(FIRST_READ + feed.name(), firstRead);
        }
        job.remove(RECOUNT + feed.name());
        job.putString(WINDOW_KEY, windowKey);
    }

    /** The file order from which this run read the feed's files, or null when it read them all. */
    public static Integer firstReadFileOrder(ExecutionContext job, PriceFeed feed) {
        return job.containsKey(FIRST_READ + feed.name()) ? job.getInt(FIRST_READ + feed.name()) : null;
    }

    /** Records that resolution changed rows of kept files of {@code feed}: their counts are taken again. */
    public static void putRecountKept(ExecutionContext job, PriceFeed feed) {
        job.putString(RECOUNT + feed.name(), "true");
    }

    public static boolean recountKept(ExecutionContext job, PriceFeed feed) {
        return job.containsKey(RECOUNT + feed.name());
    }

    public static String windowKey(ExecutionContext job) {
        return job.containsKey(WINDOW_KEY) ? job.getString(WINDOW_KEY) : null;
    }
}
