package org.debentures.compliance.job.intake;

import org.debentures.compliance.store.intake.IntakeItem;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.debentures.compliance.store.intake.IntakeTables;

/** Writes staged rows and rejects of one chunk, in the chunk's transaction. */
public final class IntakeWriter implements ItemWriter<IntakeItem> {

    private final IntakeTables tables;

    public IntakeWriter(IntakeTables tables) {
        this.tables = tables;
    }

    @Override
    public void write(Chunk<? extends IntakeItem> chunk) {
        tables.write(chunk.getItems());
    }
}
