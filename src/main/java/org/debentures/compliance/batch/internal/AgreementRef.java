package org.debentures.compliance.batch.internal;

/** A registration rights agreement of a deal: the item of the registration-defaults step. */
public record AgreementRef(String dealId, String agreementId) {
}
