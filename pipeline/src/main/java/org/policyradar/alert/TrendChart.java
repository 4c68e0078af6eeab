package org.policyradar.alert;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** The digest's per-topic trend, drawn by JFreeChart as a small PNG for the mail (an inline {@code cid:} image). */
final class TrendChart {
    static final int WIDTH = 640;
    static final int HEIGHT = 260;

    private TrendChart() {
    }

    /** One line per topic, items per day; the PNG's bytes. */
    static byte[] png(List<Alert.TrendPoint> points) {
        Map<String, TimeSeries> byTopic = new LinkedHashMap<>();
        for (Alert.TrendPoint p : points) {
            byTopic.computeIfAbsent(p.topic(), TimeSeries::new)
                    .addOrUpdate(new Day(Date.from(p.day()), java.util.TimeZone.getTimeZone("UTC"), java.util.Locale.ROOT), p.count());
        }
        TimeSeriesCollection data = new TimeSeriesCollection(java.util.TimeZone.getTimeZone("UTC"));
        byTopic.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createTimeSeriesChart("Items per day by topic", null, "items", data, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setDomainGridlinePaint(new Color(0xee, 0xee, 0xee));
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            renderer.setSeriesShapesVisible(i, true);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("digest chart: cannot write the PNG", e);
        }
        return out.toByteArray();
    }
}
