package org.debentures.compliance.batch.internal;

/** An instrument of a deal: the item of per-instrument steps. */
public record InstrumentRef(String dealId, String instrumentId) {
}
