package org.debentures.compliance.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report site's charts, drawn with JFreeChart and embedded as PNG data URIs so that each page
 * needs no network resource: per deal, VWAP against each instrument's §5(c)(ii) threshold with the
 * 20-of-30 windows shaded, the Market Price with its unavailable days, Registration Default days on a
 * timeline, amounts over time per Holder, the Conversion Prices, share coverage, EBITDA against its
 * target per Target Period.
 */
public final class ReportCharts {

    static final int WIDTH = 1000;
    static final int HEIGHT = 340;
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final BasicStroke GRID = new BasicStroke(0.8f);

    /** A chart ready for the page: a title and its PNG as a data URI. */
    public record Chart(String title, String dataUri) {
    }

    /** @param days rows of (agreement, date, reasons joined by ';') */
    public Chart defaultDaysTimeline(List<Object[]> days) throws IOException {
        String[] reasons = {"FILING_LATE", "EFFECTIVENESS_LATE", "SALES_SUSPENDED", "ALLOWED_DELAY_EXCEEDED", "COVERAGE_LATE"};
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (String reason : reasons) {
            series.put(reason, new XYSeries(reason));
        }
        for (Object[] row : days) {
            for (String reason : ((String) row[2]).split(";")) {
                XYSeries s = series.get(reason);
                if (s != null) {
                    s.add(millis((LocalDate) row[1]), List.of(reasons).indexOf(reason));
                }
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createScatterPlot("Registration Default days by reason (RRA 2(d))", "Day",
                "Reason", data);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(new DateAxis("Day"));
        style(chart, plot);
        plot.setRangeAxis(new SymbolAxis("Reason", reasons));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < reasons.length; i++) {
            renderer.setSeriesShape(i, new java.awt.Rectangle(-3, -8, 6, 16));
        }
        plot.setRenderer(renderer);
        return new Chart("Registration Default days on a timeline", png(chart));
    }

    /**
     * EBITDA against its target per Target Period (Debenture 6(e), SPEC §12), one chart per deal.
     *
     * @param tests rows of (deal, period end, months, target, actual) of one deal, by period end; actual may be null
     */
    public Chart ebitdaAgainstTarget(String dealId, List<Object[]> tests) throws IOException {
        org.jfree.data.category.DefaultCategoryDataset data = new org.jfree.data.category.DefaultCategoryDataset();
        for (Object[] row : tests) {
            String period = row[2] + "m to " + row[1];
            data.addValue(((BigDecimal) row[3]).doubleValue(), "target", period);
            data.addValue(row[4] == null ? null : ((BigDecimal) row[4]).doubleValue(), "EBITDA (empty: not reported)", period);
        }
        JFreeChart chart = ChartFactory.createBarChart(dealId + ": EBITDA against the Debenture 6(e) target per Target"
                + " Period (below it: 6(d)(ix) from 30 days after the period)", "Target Period", "USD", data);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        org.jfree.chart.plot.CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(new Color(250, 250, 250));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlineStroke(GRID);
        plot.getDomainAxis().setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        plot.getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        plot.getRenderer().setSeriesPaint(0, new Color(214, 39, 40));
        plot.getRenderer().setSeriesPaint(1, new Color(31, 119, 180));
        ((org.jfree.chart.renderer.category.BarRenderer) plot.getRenderer()).setBarPainter(
                new org.jfree.chart.renderer.category.StandardBarPainter());
        return new Chart("EBITDA against target: " + dealId, png(chart));
    }

    /**
     * The Conversion Prices of a deal's instruments over time (Debenture §4; SPEC §15), one step line per instrument,
     * from the price in effect on {@code from} to {@code to}, each adjustment labelled with its clause once (4(a)(A)-(F);
     * 4(h) exemptions and issuances that adjust nothing do not step). Issue 22: one chart per deal, not per instrument.
     *
     * @param byInstrument per instrument, rows of (instrument, effective date, price after, clause, adjusted, price
     *                     before), in order
     */
    public Chart conversionPriceSteps(String dealId, Map<String, List<Object[]>> byInstrument, LocalDate from,
                                      LocalDate to) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, Object[]> labels = new LinkedHashMap<>();
        for (Map.Entry<String, List<Object[]>> instrument : byInstrument.entrySet()) {
            List<Object[]> changes = instrument.getValue();
            XYSeries price = series(instrument.getKey());
            // the price in effect on the range's first day: after the last event before it, else before the first
            BigDecimal start = (BigDecimal) changes.get(0)[5];
            for (Object[] row : changes) {
                if (((LocalDate) row[1]).isBefore(from)) {
                    start = (BigDecimal) row[2];
                }
            }
            price.addOrUpdate(millis(from), start.doubleValue());
            for (Object[] row : changes) {
                LocalDate date = (LocalDate) row[1];
                if (date.isBefore(from)) {
                    continue;
                }
                price.addOrUpdate(millis(date), ((BigDecimal) row[2]).doubleValue());
                if (Boolean.TRUE.equals(row[4])) {
                    String text = ((String) row[3]).replace("Debenture ", "") + " "
                            + ((BigDecimal) row[2]).setScale(4, java.math.RoundingMode.HALF_UP).toPlainString();
                    labels.putIfAbsent(date + " " + text, new Object[] {date, ((BigDecimal) row[2]).doubleValue(), text});
                }
            }
            if (to.isAfter(from)) {
                price.addOrUpdate(millis(to), price.getY(price.getItemCount() - 1).doubleValue());
            }
            data.addSeries(thin(price));
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(dealId + ": Conversion Prices over time (Debenture §4;"
                + " each step labelled with its clause)", "Effective date", "USD per share", data, true, false, false);
        XYPlot plot = chart.getXYPlot();
        style(chart, plot);
        XYStepRenderer renderer = new XYStepRenderer();
        for (int i = 0; i < byInstrument.size(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        int i = 0;
        for (Object[] label : labels.values()) {
            org.jfree.chart.annotations.XYTextAnnotation text = new org.jfree.chart.annotations.XYTextAnnotation(
                    (String) label[2], millis((LocalDate) label[0]), (Double) label[1]);
            text.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            // alternate above and below the step, so that adjustments close in time stay readable
            text.setTextAnchor(i++ % 2 == 0 ? org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT
                    : org.jfree.chart.ui.TextAnchor.TOP_LEFT);
            plot.addAnnotation(text);
        }
        return new Chart("Conversion Prices over time: " + dealId, png(chart));
    }

    /**
     * The registered shares of one agreement against 125% and 150% of its required shares (RRA 2(a), 4(k); SPEC §16).
     *
     * @param days rows of (agreement, date, required, registered, maintain line, cure line, shortfall), in date order
     */
    public Chart coverage(String agreementId, List<Object[]> days) throws IOException {
        XYSeries registered = series("registered shares");
        XYSeries maintain = series("125% of required (RRA 4(k))");
        XYSeries cure = series("150% of required (RRA 2(a), 4(k) cure)");
        XYSeries required = series("required shares");
        for (Object[] row : days) {
            long day = millis((LocalDate) row[1]);
            required.addOrUpdate(day, ((Number) row[2]).doubleValue());
            if (row[3] != null) {
                registered.addOrUpdate(day, ((Number) row[3]).doubleValue());
            }
            maintain.addOrUpdate(day, ((BigDecimal) row[4]).doubleValue());
            cure.addOrUpdate(day, ((BigDecimal) row[5]).doubleValue());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(thin(registered));
        data.addSeries(thin(maintain));
        data.addSeries(thin(cure));
        data.addSeries(thin(required));
        JFreeChart chart = ChartFactory.createTimeSeriesChart(agreementId + ": shares registered against the required"
                + " shares (RRA 2(a), 4(k))", "Day", "Shares", data, true, false, false);
        XYPlot plot = chart.getXYPlot();
        style(chart, plot);
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setSeriesPaint(0, new Color(31, 119, 180));
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setSeriesPaint(1, new Color(214, 39, 40));
        renderer.setSeriesPaint(2, new Color(255, 127, 14));
        renderer.setSeriesPaint(3, new Color(127, 127, 127));
        for (int i = 1; i <= 3; i++) {
            renderer.setSeriesStroke(i, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
        }
        plot.setRenderer(renderer);
        return new Chart("Share coverage: " + agreementId, png(chart));
    }

    /**
     * One symbol's VWAP with the 5(c)(ii) threshold of each instrument on it (thresholds differ where Conversion Prices
     * do), the 30-day windows that met the test shaded (issue 22: one chart per symbol, not one per instrument).
     *
     * @param tests rows of (instrument, date, vwap, threshold, window start, window count, met), by instrument and date
     */
    public Chart vwapBySymbol(String symbol, List<Object[]> tests, int required) throws IOException {
        XYSeries vwap = series("VWAP");
        Map<String, XYSeries> thresholds = new LinkedHashMap<>();
        List<long[]> windows = new ArrayList<>();
        for (Object[] row : tests) {
            long day = millis((LocalDate) row[1]);
            vwap.addOrUpdate(day, ((BigDecimal) row[2]).doubleValue());
            thresholds.computeIfAbsent((String) row[0], i -> series("threshold " + i))
                    .addOrUpdate(day, ((BigDecimal) row[3]).doubleValue());
            Number count = (Number) row[5];
            if (count != null && count.intValue() >= required && row[4] != null) {
                windows.add(new long[] {millis((LocalDate) row[4]), millis(((LocalDate) row[1]).plusDays(1))});
            }
        }
        windows.sort(java.util.Comparator.comparingLong(w -> w[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] w : windows) {
            if (!merged.isEmpty() && w[0] <= merged.get(merged.size() - 1)[1]) {
                merged.get(merged.size() - 1)[1] = Math.max(w[1], merged.get(merged.size() - 1)[1]);
            } else {
                merged.add(w.clone());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(thin(vwap));
        thresholds.values().forEach(threshold -> data.addSeries(thin(threshold)));
        JFreeChart chart = ChartFactory.createTimeSeriesChart(symbol + ": VWAP and the Debenture 5(c)(ii) threshold of"
                + " each instrument (shaded: windows with " + required + " of 30 days at or above it)", "Trading Day",
                "USD", data, true, false, false);
        XYPlot plot = chart.getXYPlot();
        style(chart, plot);
        plot.getRenderer().setSeriesPaint(0, new Color(31, 119, 180));
        Color[] reds = {new Color(214, 39, 40), new Color(255, 127, 14), new Color(148, 103, 189), new Color(140, 86, 75)};
        for (int i = 1; i <= thresholds.size(); i++) {
            plot.getRenderer().setSeriesPaint(i, reds[(i - 1) % reds.length]);
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                    10f, new float[] {6f, 4f}, 0f));
        }
        shade(plot, merged, new Color(44, 160, 44, 60));
        return new Chart("VWAP against the 5(c)(ii) thresholds: " + symbol, png(chart));
    }

    /**
     * One symbol's Market Price (Debenture 1: the average of the VWAPs of the window), with the days on which it is
     * unavailable marked as red bands (issue 22).
     *
     * @param prices rows of (date, market price or null, unavailable reason or null), by date
     */
    public Chart marketPrice(String symbol, List<Object[]> prices) throws IOException {
        XYSeries price = series("Market Price");
        List<long[]> unavailable = new ArrayList<>();
        for (Object[] row : prices) {
            LocalDate date = (LocalDate) row[0];
            if (row[1] != null) {
                price.addOrUpdate(millis(date), ((BigDecimal) row[1]).doubleValue());
            } else {
                long start = millis(date);
                long end = millis(date.plusDays(1));
                if (!unavailable.isEmpty() && start <= unavailable.get(unavailable.size() - 1)[1] + 4 * 86_400_000L) {
                    unavailable.get(unavailable.size() - 1)[1] = end;
                } else {
                    unavailable.add(new long[] {start, end});
                }
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(thin(price));
        long days = prices.stream().filter(r -> r[1] == null).count();
        JFreeChart chart = ChartFactory.createTimeSeriesChart(symbol + ": Market Price (Debenture 1); red: "
                + days + " day(s) on which it is unavailable", "Day", "USD", data, false, false, false);
        XYPlot plot = chart.getXYPlot();
        style(chart, plot);
        plot.getRenderer().setSeriesPaint(0, new Color(31, 119, 180));
        shade(plot, unavailable, new Color(214, 39, 40, 90));
        return new Chart("Market Price and its unavailable days: " + symbol, png(chart));
    }

    /**
     * Accrued and outstanding amounts over time per Holder (issue 22): penalties accrued (cumulative), interest due
     * (cumulative) and interest paid (cumulative); interest outstanding on a day is the gap between the last two.
     *
     * @param money rows of (holder, date, kind PENALTY / INTEREST_DUE / INTEREST_PAID, amount), by date
     */
    public Chart amountsOverTime(String title, List<Object[]> money) throws IOException {
        Map<String, XYSeries> series = new LinkedHashMap<>();
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (Object[] row : money) {
            String kind = switch ((String) row[2]) {
                case "PENALTY" -> "penalties accrued";
                case "INTEREST_DUE" -> "interest due";
                default -> "interest paid";
            };
            String name = row[0] + ": " + kind;
            BigDecimal total = totals.merge(name, (BigDecimal) row[3], BigDecimal::add);
            series.computeIfAbsent(name, ReportCharts::series).addOrUpdate(millis((LocalDate) row[1]), total.doubleValue());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(s -> data.addSeries(thin(s)));
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, "Day", "USD (cumulative)", data, true, false, false);
        XYPlot plot = chart.getXYPlot();
        style(chart, plot);
        plot.setRenderer(new XYStepRenderer());
        return new Chart(title, png(chart));
    }

    /** Bands of days (start and end, epoch milliseconds) shaded behind the series. */
    private static void shade(XYPlot plot, List<long[]> bands, Color color) {
        for (long[] band : bands) {
            IntervalMarker marker = new IntervalMarker(band[0], band[1]);
            marker.setPaint(color);
            plot.addDomainMarker(marker, org.jfree.chart.ui.Layer.BACKGROUND);
        }
    }

    private static void style(JFreeChart chart, XYPlot plot) {
        if (plot.getDomainAxis() instanceof DateAxis axis) {
            axis.setTimeZone(UTC); // the points are the days' UTC midnights: the labels show those days in any zone
        }
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        plot.setBackgroundPaint(new Color(250, 250, 250));
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        // solid gridlines: JFreeChart's dashed ones, antialiased, were 40% of a chart's fixed drawing time (issue 22)
        plot.setDomainGridlineStroke(GRID);
        plot.setRangeGridlineStroke(GRID);
    }

    private static String png(JFreeChart chart) throws IOException {
        // issue 22: a portfolio's site draws about 1,300 charts; Png writes one in about a quarter of ImageIO's time
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(Png.encode(image));
    }

    /**
     * A series of days (x: the day's UTC midnight in epoch milliseconds), kept in day order, one value a day (a later
     * value of the same day replaces the earlier). Issue 22: JFreeChart's {@code TimeSeries} of {@code Day}s works out
     * each day's milliseconds with a {@code Calendar} every time the chart reads a point, a tenth of a chart's time.
     */
    private static XYSeries series(String name) {
        return new XYSeries(name, true, false);
    }

    /**
     * The series without the inner points of its runs of one value: a line (or step) through the rest is the same
     * picture, drawn with a few segments instead of one a day. Issue 22: a threshold or share line is constant for
     * months, and drawing its days one by one was most of a chart's time; as one long segment its dashes also show.
     */
    static XYSeries thin(XYSeries series) {
        int n = series.getItemCount();
        if (n < 3) {
            return series;
        }
        XYSeries thinned = new XYSeries(series.getKey(), false, true);
        for (int i = 0; i < n; i++) {
            double y = series.getY(i).doubleValue();
            boolean inner = i > 0 && i < n - 1 && y == series.getY(i - 1).doubleValue()
                    && y == series.getY(i + 1).doubleValue();
            if (!inner) {
                thinned.add(series.getX(i), series.getY(i), false);
            }
        }
        return thinned;
    }

    private static long millis(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
