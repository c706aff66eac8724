package org.debentures.compliance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: a chart's series drop the inner points of their runs of one value. The line through what is left passes
 * through every point of the series (the same picture), with a point kept wherever the value changes.
 */
class ReportChartsThinTest {

    @Test
    void aThresholdConstantForMonthsKeepsTheEndsOfEachRun() {
        XYSeries threshold = new XYSeries("threshold", true, false);
        for (int day = 0; day < 10; day++) {
            threshold.add(day, day < 6 ? 1.24 : 1.10); // 6 days at 1.24 (2 points kept), 4 at 1.10 (2 kept)
        }
        XYSeries thin = ReportCharts.thin(threshold);
        assertEquals(4, thin.getItemCount());
        assertEquals(java.util.List.of(0.0, 5.0, 6.0, 9.0), java.util.List.of(thin.getX(0).doubleValue(),
                thin.getX(1).doubleValue(), thin.getX(2).doubleValue(), thin.getX(3).doubleValue()));
    }

    @Test
    void theThinnedLinePassesThroughEveryPointOfRandomStepSeries() {
        Random random = new Random(2202);
        for (int round = 0; round < 500; round++) {
            XYSeries series = new XYSeries("s", true, false);
            double y = random.nextInt(5);
            int n = 1 + random.nextInt(200);
            for (int i = 0; i < n; i++) {
                if (random.nextInt(10) == 0) {
                    y = random.nextInt(5); // mostly runs, sometimes a change (or the same value again)
                }
                series.add(i * 86_400_000.0, y);
            }
            XYSeries thin = ReportCharts.thin(series);
            assertTrue(thin.getItemCount() <= n);
            assertEquals(series.getX(0), thin.getX(0), "the first point stays");
            assertEquals(series.getX(n - 1), thin.getX(thin.getItemCount() - 1), "the last point stays");
            int k = 0;
            for (int i = 0; i < n; i++) {
                double x = series.getX(i).doubleValue();
                while (k + 1 < thin.getItemCount() && thin.getX(k + 1).doubleValue() <= x) {
                    k++;
                }
                // k: the last kept point at or before x; past it, up to the next kept point, the line is flat
                double at = thin.getY(k).doubleValue();
                if (k + 1 < thin.getItemCount() && thin.getX(k).doubleValue() < x) {
                    assertEquals(thin.getY(k).doubleValue(), thin.getY(k + 1).doubleValue(),
                            "a dropped point lies inside a run: round " + round + ", point " + i);
                }
                assertEquals(series.getY(i).doubleValue(), at, "round " + round + ", point " + i);
            }
        }
    }
}
