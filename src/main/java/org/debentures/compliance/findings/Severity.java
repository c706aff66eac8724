package org.debentures.compliance.findings;

/**
 * How urgently a person must act on an exception. The grading (README "Severity"):
 * <ul>
 *   <li>{@code CRITICAL}: an Event of Default: the Holders may demand redemption;</li>
 *   <li>{@code HIGH}: money accrues or a contractual deadline is missed;</li>
 *   <li>{@code WARNING}: the job could not compute a figure, or its inputs have a gap;</li>
 *   <li>{@code INFO}: worth knowing, nothing owed (a vendor correction, the VWAP test met).</li>
 * </ul>
 */
public enum Severity {
    INFO, WARNING, HIGH, CRITICAL
}
