package org.debentures.compliance.terms;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * RRA 2(a) and 4(k) share coverage of the Registration Statement (SPEC §16): multiples of the
 * required shares, tested unrounded (registered >= multiple x required). Agreement key
 * {@code registration-coverage: {filing, maintain, cure}} (v2, optional).
 *
 * @param filing RRA 2(a): the first filing covers this multiple of the shares required on the Closing Date (1.50)
 * @param maintain RRA 4(k): below this multiple after first effectiveness, {@code COVERAGE_SHORTFALL} (1.25)
 * @param cure RRA 4(k): an amendment ends the (C) default days only when it covers this multiple (1.50)
 */
public record RegistrationCoverage(BigDecimal filing, BigDecimal maintain, BigDecimal cure) {

    public RegistrationCoverage {
        positive(filing, "filing");
        positive(maintain, "maintain");
        positive(cure, "cure");
    }

    private static void positive(BigDecimal multiple, String name) {
        Objects.requireNonNull(multiple, name);
        if (multiple.signum() <= 0) {
            throw new IllegalArgumentException("registration-coverage " + name + " must be above zero: " + multiple);
        }
    }
}
