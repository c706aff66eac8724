package org.debentures.compliance.terms;

/**
 * Debenture 4(e) Major Announcement terms (SPEC §15), deal-file section {@code major-announcement}
 * (v2, optional: {@link #DEFAULT} when absent).
 *
 * @param windowBusinessDays a conversion converts at the 4(e) price from the Announcement Date through
 *                           this many Business Days after the consummation or abandonment (3)
 * @param bidTradingDays (y): the mean closing bid of this many Trading Days after the Announcement Date (3)
 */
public record MajorAnnouncementTerms(int windowBusinessDays, int bidTradingDays) {

    /** SPEC §15 defaults: 3 Business Days and 3 Trading Days. */
    public static final MajorAnnouncementTerms DEFAULT = new MajorAnnouncementTerms(3, 3);

    public MajorAnnouncementTerms {
        if (windowBusinessDays < 0) {
            throw new IllegalArgumentException("major-announcement window-business-days is negative: " + windowBusinessDays);
        }
        if (bidTradingDays < 1) {
            throw new IllegalArgumentException("major-announcement bid-trading-days must be at least 1: " + bidTradingDays);
        }
    }
}
