package org.debentures.compliance.rules;

/**
 * One rule family run for one symbol, as a business step of Apache Fineract's close of business is
 * run for one loan: it reads the symbol's facts and the results of the steps before it (the Events
 * of Default they found among them) and adds its own. Plain Java: no Spring, no SQL. The order of
 * the steps is stated once, in {@link RuleBook}.
 */
public interface BusinessStep {

    /** A short name for logs and timings, e.g. {@code "market prices"}. */
    String name();

    /** Adds this step's results for {@code facts}' symbol to {@code results}. */
    void apply(SymbolFacts facts, SymbolResults results);
}
