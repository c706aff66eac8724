package org.debentures.compliance.rules.market;

/** The two daily price feeds of SPEC §2, with the folder each is read from. */
public enum PriceFeed {
    VWAP("prices/vwap", "vwap"),
    CLOSING_BID("prices/closing-bid", "closing_bid");

    private final String folder;
    private final String priceColumn;

    PriceFeed(String folder, String priceColumn) {
        this.folder = folder;
        this.priceColumn = priceColumn;
    }

    /** The folder under the data directory, e.g. {@code prices/vwap}. */
    public String folder() {
        return folder;
    }

    /** The CSV column that holds the price, e.g. {@code closing_bid}. */
    public String priceColumn() {
        return priceColumn;
    }
}
