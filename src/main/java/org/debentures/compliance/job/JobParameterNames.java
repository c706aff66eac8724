package org.debentures.compliance.job;

/** The parameters of the compliance job. */
public final class JobParameterNames {
    /** First day of the range (identifying). */
    public static final String FROM = "from";
    /** Last day of the range: the as-of date (identifying). */
    public static final String TO = "to";
    /** The data directory (identifying). */
    public static final String DATA_DIR = "data.dir";
    /** A unique number per launch, so that a rerun of the same range is a new job instance (identifying). */
    public static final String LAUNCH = "launch";
    /** NIGHTLY or RERUN (not identifying). */
    public static final String RUN_KIND = "run.kind";
    /** The logical business date of the launch: no input row may be dated after it (not identifying). */
    public static final String BUSINESS_DATE = "business.date";
    /** How many days after the range's last day upcoming deadlines look (not identifying; default 30). */
    public static final String DEADLINE_HORIZON_DAYS = "deadline.horizon.days";
    /** Where to write CSV exports; empty for none (not identifying). */
    public static final String EXPORT_DIR = "export.dir";

    private JobParameterNames() {
    }
}
