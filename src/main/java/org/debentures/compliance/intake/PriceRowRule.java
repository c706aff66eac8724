package org.debentures.compliance.intake;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.debentures.compliance.rules.market.PriceFeed;

/**
 * SPEC §2 rules for one row of a price feed: {@code symbol,date,vwap,volume} or
 * {@code symbol,date,closing_bid}. The price must be a plain decimal above zero; a volume, when
 * given, a whole number at or above zero (zero volume: a row but not a Trading Day).
 */
public final class PriceRowRule {

    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9.\\-_]{1,20}");

    private final PriceFeed feed;

    public PriceRowRule(PriceFeed feed) {
        this.feed = feed;
    }

    /** The columns a file of this feed must have in its header. */
    public List<String> requiredColumns() {
        return List.of("symbol", "date", feed.priceColumn());
    }

    /** The columns this feed reads (others in a file are ignored). */
    public List<String> knownColumns() {
        return feed == PriceFeed.VWAP ? List.of("symbol", "date", "vwap", "volume") : requiredColumns();
    }

    public Checked<PriceRow> check(Map<String, String> values) {
        Fields fields = new Fields(values);
        return Checked.of(() -> {
            String symbol = fields.requiredText("symbol");
            if (!SYMBOL.matcher(symbol).matches()) {
                throw new RowRejection("symbol '" + symbol + "' is not a ticker symbol");
            }
            return new PriceRow(feed, symbol, fields.requiredDate("date"),
                    fields.requiredPositiveDecimal(feed.priceColumn()),
                    feed == PriceFeed.VWAP ? fields.optionalCount("volume") : null);
        });
    }
}
