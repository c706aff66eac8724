package org.debentures.compliance.terms;

/**
 * RRA 4(f) limits of an Allowed Delay.
 *
 * @param maxConsecutiveBusinessDays one Allowed Delay covers at most this many consecutive Business Days (5)
 * @param maxDaysPerWindow at most this many calendar days of Allowed Delay ... (30)
 * @param windowMonths ... in any period of this many months (12)
 */
public record AllowedDelayLimits(int maxConsecutiveBusinessDays, int maxDaysPerWindow, int windowMonths) {
}
