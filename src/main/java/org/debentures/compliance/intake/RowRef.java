package org.debentures.compliance.intake;

import java.util.Comparator;
import java.util.Objects;

/**
 * Where an input row came from. Files are read in file-name order ({@code fileOrder}), then line
 * order (SPEC §2); {@link #READ_ORDER} is that order.
 *
 * @param fileName the file, relative to the data directory
 * @param fileOrder the file's position among the files of its feed, by name
 * @param line the (first) physical line number of the row, 1-based
 */
public record RowRef(String fileName, int fileOrder, long line) {

    public static final Comparator<RowRef> READ_ORDER =
            Comparator.comparingInt(RowRef::fileOrder).thenComparingLong(RowRef::line);

    public RowRef {
        Objects.requireNonNull(fileName, "fileName");
    }

    @Override
    public String toString() {
        return fileName + " line " + line;
    }
}
