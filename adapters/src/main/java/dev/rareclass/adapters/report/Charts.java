package dev.rareclass.adapters.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The report's charts, drawn with JFreeChart (headless) and turned into inline SVG with JFreeSVG or into PNG.
 * Every builder returns a {@link Chart}; nothing here knows about files or HTML.
 */
final class Charts {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 440;

    /** Colour-blind-safe palette (Okabe–Ito), in series order. */
    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442),
    };
    static final Color NO_SKILL = new Color(0x888888);
    static final Color THRESHOLD = new Color(0xB00020);
    private static final String FONT = "SansSerif";


    /** A drawn chart: a stable name (file name of its PNG, id in the HTML) and the JFreeChart. */
    record Chart(String name, String caption, JFreeChart chart, int width, int height) {
        Chart(String name, String caption, JFreeChart chart) {
            this(name, caption, chart, WIDTH, HEIGHT);
        }

        /** The chart as an {@code <svg>} element whose defs ids start with {@code name} (unique in the page). */
        String svg() {
            SVGGraphics2D g2 = new SVGGraphics2D(width, height);
            g2.setDefsKeyPrefix(name + "-");
            chart.draw(g2, new Rectangle(0, 0, width, height));
            return g2.getSVGElement("svg-" + name, true, new ViewBox(0, 0, width, height), null, null);
        }

        byte[] png() {
            try {
                return ChartUtils.encodeAsPNG(chart.createBufferedImage(width, height));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private Charts() {
    }

    private static final Font TICKS = new Font(FONT, Font.PLAIN, 11);
    private static final Font LABELS = new Font(FONT, Font.PLAIN, 12);
    private static final Color GRID = new Color(0xDDDDDD);

    /** Fonts and colours by hand: a chart theme would also repaint the series, undoing the palette. */
    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(LABELS);
            chart.getLegend().setFrame(new org.jfree.chart.block.BlockBorder(Color.WHITE));
        }
        org.jfree.chart.plot.Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(new Color(0x999999));
        if (plot instanceof XYPlot xy) {
            styleAxis(xy.getDomainAxis());
            styleAxis(xy.getRangeAxis());
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.setDomainGridlineStroke(new BasicStroke(0.6f));
            xy.setRangeGridlineStroke(new BasicStroke(0.6f));
            xy.setAxisOffset(org.jfree.chart.ui.RectangleInsets.ZERO_INSETS);
        } else if (plot instanceof CategoryPlot cat) {
            styleAxis(cat.getDomainAxis());
            styleAxis(cat.getRangeAxis());
            cat.setRangeGridlinePaint(GRID);
            cat.setRangeGridlineStroke(new BasicStroke(0.6f));
            cat.setAxisOffset(org.jfree.chart.ui.RectangleInsets.ZERO_INSETS);
        }
    }

    private static void styleAxis(org.jfree.chart.axis.Axis axis) {
        if (axis != null) {
            axis.setLabelFont(LABELS);
            axis.setTickLabelFont(TICKS);
            axis.setLabelPaint(new Color(0x333333));
            axis.setTickLabelPaint(new Color(0x333333));
        }
    }

    private static JFreeChart finish(String title, org.jfree.chart.plot.Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, new Font(FONT, Font.BOLD, 15), plot, legend);
        style(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    /**
     * One line of a line chart.
     *
     * @param legend listed in the legend; an operating point drawn beside its own curve is not (the caption says
     *               what the dots are), so the legend names each configuration once
     */
    record Line(String label, double[] x, double[] y, boolean dashed, boolean points, boolean legend) {
        Line(String label, double[] x, double[] y, boolean dashed, boolean points) {
            this(label, x, y, dashed, points, true);
        }

        static Line of(String label, double[] x, double[] y) {
            return new Line(label, x, y, false, false);
        }

        /** A single dot, such as the operating point at the chosen threshold. */
        static Line point(String label, double x, double y, boolean legend) {
            return new Line(label, new double[] {x}, new double[] {y}, false, true, legend);
        }
    }

    /** A line chart of series over two numeric axes; {@code unit} axes run from 0 to 1. */
    static JFreeChart lines(String title, String xLabel, String yLabel, List<Line> lines, boolean unitAxes,
                            List<Color> colours) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            XYSeries s = new XYSeries(line.label(), false, true);
            double[][] thin = thin(line.x(), line.y(), 800);
            for (int k = 0; k < thin[0].length; k++) {
                if (Double.isFinite(thin[0][k]) && Double.isFinite(thin[1][k])) {
                    s.add(thin[0][k], thin[1][k], false);
                }
            }
            data.addSeries(s);
            renderer.setSeriesPaint(i, colours.get(i));
            renderer.setSeriesStroke(i, line.dashed()
                    ? new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(2f));
            renderer.setSeriesShapesVisible(i, line.points());
            renderer.setSeriesLinesVisible(i, !line.points());
            renderer.setSeriesVisibleInLegend(i, line.legend());
            if (line.points()) {
                renderer.setSeriesShape(i, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
                renderer.setSeriesShapesFilled(i, true);
                // a dark rim keeps a dot visible where it sits on a curve of its own colour
                renderer.setSeriesOutlinePaint(i, Color.BLACK);
                renderer.setSeriesOutlineStroke(i, new BasicStroke(1f));
            }
        }
        NumberAxis x = new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis(yLabel);
        if (unitAxes) {
            x.setRange(-0.01, 1.01);
            y.setRange(-0.01, 1.02);
        } else {
            x.setAutoRangeIncludesZero(false);
            y.setAutoRangeIncludesZero(false);
        }
        renderer.setUseOutlinePaint(true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        return finish(title, plot, true);
    }

    /** The sides a zoomed unit-square chart may take, smallest first; above the last one zooming shows little. */
    static final double[] ZOOM_SIDES = {0.05, 0.1, 0.2, 0.3, 0.5};

    /**
     * The side of the square window at the corner ({@code cornerX}, {@code cornerY}) of a unit-square chart that
     * shows how the curves differ near it: the smallest of {@link #ZOOM_SIDES} such that every curve comes within
     * half the side of the corner on both axes (so it runs across the window rather than grazing its edge) and
     * every point lies inside. Good ROC curves crowd the top-left corner, good precision-recall curves the
     * top-right one; drawn on the whole square they sit on top of each other.
     *
     * @return the side, or 1 (the whole square: no zoom) when no side fits every curve and point
     */
    static double zoomSide(double cornerX, double cornerY, List<double[][]> curves, List<double[]> points) {
        for (double side : ZOOM_SIDES) {
            boolean fits = true;
            for (double[][] c : curves) {
                boolean near = false;
                for (int i = 0; i < c[0].length && !near; i++) {
                    near = Math.abs(c[0][i] - cornerX) <= side / 2 && Math.abs(c[1][i] - cornerY) <= side / 2;
                }
                fits &= near;
            }
            for (double[] p : points) {
                // a dot on the window's edge would be cut in half
                fits &= Math.abs(p[0] - cornerX) <= 0.97 * side && Math.abs(p[1] - cornerY) <= 0.97 * side;
            }
            if (fits) {
                return side;
            }
        }
        return 1;
    }

    /** Limits a unit-square chart's axes to the square of this side at this corner and says so on the axes. */
    static void zoomTo(JFreeChart chart, double cornerX, double cornerY, double side) {
        XYPlot plot = chart.getXYPlot();
        double pad = 0.015 * side;
        plot.getDomainAxis().setRange(cornerX == 0 ? -pad : 1 - side, cornerX == 0 ? side : 1 + pad);
        plot.getRangeAxis().setRange(cornerY == 0 ? -pad : 1 - side, cornerY == 0 ? side : 1 + pad);
        plot.getDomainAxis().setLabel(plot.getDomainAxis().getLabel() + " (zoomed)");
        plot.getRangeAxis().setLabel(plot.getRangeAxis().getLabel() + " (zoomed)");
    }

    /** The window {@link #zoomTo} shows, in words: "[0, 0.2] x [0.8, 1]". */
    static String window(double cornerX, double cornerY, double side) {
        String xs = cornerX == 0 ? "[0, " + trim(side) + "]" : "[" + trim(1 - side) + ", 1]";
        String ys = cornerY == 0 ? "[0, " + trim(side) + "]" : "[" + trim(1 - side) + ", 1]";
        return xs + " x " + ys;
    }

    /**
     * A number in at most six significant digits without trailing zeros: 0.9, 10, 0.35; with an exponent below 1e-6
     * and from 1e15 on, as the policies' specs write them (1.0E300, not 301 digits).
     */
    static String plain(double v) {
        return Double.isFinite(v) ? trim(v) : "n/a";
    }

    private static String trim(double v) {
        // six significant digits, then written as a policy's numbers are (the same digits: a double of six reads back so)
        return dev.rareclass.domain.threshold.ThresholdPolicies.text(
                java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(6)).doubleValue());
    }

    /**
     * The lower end of a value axis that shows differences between scores that all lie above 0.9 (of a metric
     * whose best is 1): a little under the lowest of {@code lows} (the whiskers' ends), rounded down to a
     * hundredth; 0 (no zoom) when some value is 0.9 or less, above 1, or not finite.
     *
     * @param values the values drawn (means)
     * @param lows   the lowest point drawn for each value (the value itself, or the end of its whisker)
     */
    static double zoomedLowerBound(double[] values, double[] lows) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0.9 && values[i] <= 1) || !Double.isFinite(lows[i])) {
                return 0;
            }
            min = Math.min(min, lows[i]);
        }
        if (values.length == 0) {
            return 0;
        }
        return Math.max(0, Math.floor((min - 0.25 * (1 - min) - 0.005) * 100) / 100);
    }

    /** Starts a bar chart's value axis at {@code lower} (bars then begin below the axis) and says so on it. */
    static void zoomValues(JFreeChart chart, double lower, double upper) {
        org.jfree.chart.axis.ValueAxis axis = chart.getCategoryPlot().getRangeAxis();
        axis.setRange(lower, upper);
        axis.setLabel(axis.getLabel() + " (zoomed: axis starts at " + trim(lower) + ")");
    }

    static List<Color> palette(int n) {
        List<Color> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(PALETTE[i % PALETTE.length]);
        }
        return out;
    }

    /** A vertical marker line with a label, such as the chosen threshold. */
    static void markX(JFreeChart chart, double x, String label, Color colour) {
        org.jfree.data.Range range = chart.getXYPlot().getDataRange(chart.getXYPlot().getDomainAxis());
        boolean right = range != null && range.getLength() > 0 && (x - range.getLowerBound()) / range.getLength() > 0.6;
        ValueMarker m = new ValueMarker(x, colour, new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {5f, 3f}, 0f));
        m.setLabel(label);
        m.setLabelFont(new Font(FONT, Font.PLAIN, 11));
        m.setLabelPaint(colour);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        // the label goes on the side of the line with more room
        m.setLabelAnchor(right ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(right ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
        chart.getXYPlot().addDomainMarker(m, Layer.FOREGROUND);
    }

    /** A shaded band between two values on the x axis, such as the range of the splits' thresholds. */
    static void bandX(JFreeChart chart, double from, double to, Color colour) {
        org.jfree.chart.plot.IntervalMarker band = new org.jfree.chart.plot.IntervalMarker(from, to,
                new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 40));
        band.setOutlinePaint(null);
        chart.getXYPlot().addDomainMarker(band, Layer.BACKGROUND);
    }

    /**
     * The confusion matrix as a heat map: rows are the true class (negative on top), columns the predicted
     * class; each cell shows its count and its share of the true class, and is shaded by that share.
     */
    static JFreeChart confusion(String title, long tp, long fp, long tn, long fn, String negative, String positive) {
        // x: predicted (0 negative, 1 positive); y: actual (0 positive at the bottom, 1 negative on top)
        double[] xs = {0, 1, 0, 1};
        double[] ys = {1, 1, 0, 0};
        long[] counts = {tn, fp, fn, tp};
        long neg = tn + fp;
        long pos = fn + tp;
        double[] share = {ratio(tn, neg), ratio(fp, neg), ratio(fn, pos), ratio(tp, pos)};
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("share of the true class", new double[][] {xs, ys, share});
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(new BluePaintScale());
        SymbolAxis x = new SymbolAxis("Predicted", new String[] {negative, positive});
        SymbolAxis y = new SymbolAxis("Actual", new String[] {positive, negative});
        x.setGridBandsVisible(false);
        y.setGridBandsVisible(false);
        x.setRange(-0.5, 1.5);
        y.setRange(-0.5, 1.5);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        for (int i = 0; i < 4; i++) {
            String text = String.format(Locale.ROOT, "%,d  (%.1f%%)", counts[i], 100 * share[i]);
            XYTextAnnotation a = new XYTextAnnotation(text, xs[i], ys[i]);
            a.setFont(new Font(FONT, Font.BOLD, 16));
            a.setPaint(share[i] > 0.55 ? Color.WHITE : Color.BLACK);
            plot.addAnnotation(a);
        }
        return finish(title, plot, false);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }

    /** White to dark blue over [0, 1]. */
    private static final class BluePaintScale implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double value) {
            double v = Double.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
            int r = (int) Math.round(247 + (8 - 247) * v);
            int g = (int) Math.round(251 + (48 - 251) * v);
            int b = (int) Math.round(255 + (107 - 255) * v);
            return new Color(r, g, b);
        }
    }

    /**
     * Histograms of the scores of each class, each normalised to its class (so a rare class is as visible as
     * the common one), with the threshold marked.
     *
     * @param logScale bin and show log10 of the scores (for unbounded anomaly scores spanning decades)
     */
    static JFreeChart histogram(String title, String xLabel, double[] scores, int[] y, double threshold,
                                String negative, String positive, boolean logScale) {
        double[] v = new double[scores.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = logScale ? Math.log10(scores[i]) : scores[i];
        }
        double[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        double lo = sorted[0];
        double hi = sorted[sorted.length - 1];
        double t = logScale ? Math.log10(threshold) : threshold;
        if (Double.isFinite(t)) {
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
        }
        if (hi <= lo) {
            hi = lo + 1;
        }
        int bins = 40;
        double width = (hi - lo) / bins;
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        XYBarRenderer renderer = new XYBarRenderer(0.0);
        String[] names = {negative + " (negative)", positive + " (positive)"};
        Color[] colours = {PALETTE[0], PALETTE[1]};
        for (int cls = 0; cls <= 1; cls++) {
            long[] counts = new long[bins];
            long n = 0;
            for (int i = 0; i < v.length; i++) {
                if (y[i] == cls) {
                    int b = (int) Math.floor((v[i] - lo) / width);
                    counts[Math.max(0, Math.min(bins - 1, b))]++;
                    n++;
                }
            }
            XYIntervalSeries s = new XYIntervalSeries(String.format(Locale.ROOT, "%s, %,d rows", names[cls], n));
            for (int b = 0; b < bins; b++) {
                double share = n == 0 ? 0 : (double) counts[b] / n;
                double x0 = lo + b * width;
                s.add(x0 + width / 2, x0, x0 + width, share, 0, share);
            }
            data.addSeries(s);
            renderer.setSeriesPaint(cls, new Color(colours[cls].getRed(), colours[cls].getGreen(), colours[cls].getBlue(), 140));
        }
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setDrawBarOutline(false);
        NumberAxis x = new NumberAxis(logScale ? "log10 " + xLabel : xLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis yAxis = new NumberAxis("share of the class's rows");
        XYPlot plot = new XYPlot(data, x, yAxis, renderer);
        JFreeChart chart = finish(title, plot, true);
        if (Double.isFinite(t)) {
            markX(chart, t, String.format(Locale.ROOT, " threshold %.4g ", threshold), THRESHOLD);
        }
        return chart;
    }

    /** Horizontal bars of a metric's mean with ± one standard deviation over the splits. */
    static JFreeChart meanBars(String title, String metric, List<String> labels, double[] means, double[] stds) {
        return meanBars(title, metric, metric + " (mean ± std over splits)", labels, means, stds);
    }

    /** Horizontal bars of means with ± one standard deviation, the value axis labelled {@code axis}. */
    static JFreeChart meanBars(String title, String metric, String axis, List<String> labels, double[] means,
                               double[] stds) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (int i = 0; i < labels.size(); i++) {
            data.add(means[i], stds[i], metric, labels.get(i));
        }
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setSeriesPaint(0, PALETTE[0]);
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0);
        renderer.setMaximumBarWidth(0.08);
        CategoryAxis cats = new CategoryAxis(null);
        cats.setMaximumCategoryLabelLines(2);
        cats.setMaximumCategoryLabelWidthRatio(0.45f);
        NumberAxis values = new NumberAxis(axis);
        CategoryPlot plot = new CategoryPlot(data, cats, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        return finish(title, plot, false);
    }

    /** Grouped bars: several metrics' means for each configuration. */
    static JFreeChart groupedBars(String title, List<String> metrics, List<String> labels, double[][] means) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int c = 0; c < labels.size(); c++) {
            for (int m = 0; m < metrics.size(); m++) {
                double v = means[c][m];
                data.addValue(Double.isFinite(v) ? v : null, labels.get(c), metrics.get(m));
            }
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.04);
        for (int c = 0; c < labels.size(); c++) {
            renderer.setSeriesPaint(c, PALETTE[c % PALETTE.length]);
        }
        CategoryAxis cats = new CategoryAxis(null);
        cats.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        NumberAxis values = new NumberAxis("mean over splits");
        values.setRange(Math.min(0, minOf(means)), 1.0);
        CategoryPlot plot = new CategoryPlot(data, cats, values, renderer);
        return finish(title, plot, true);
    }

    private static double minOf(double[][] m) {
        double min = 0;
        for (double[] row : m) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                }
            }
        }
        return min;
    }

    /**
     * Keeps at most about {@code max} points of a polyline: a point is kept when it is far enough (in axis
     * units normalised to the data's range) from the last kept one; the first and last are always kept.
     */
    static double[][] thin(double[] x, double[] y, int max) {
        if (x.length <= max) {
            return new double[][] {x, y};
        }
        double rx = range(x);
        double ry = range(y);
        double step = 1.0 / max;
        List<double[]> kept = new ArrayList<>();
        double lx = x[0];
        double ly = y[0];
        kept.add(new double[] {lx, ly});
        for (int i = 1; i < x.length - 1; i++) {
            double dx = rx == 0 ? 0 : (x[i] - lx) / rx;
            double dy = ry == 0 ? 0 : (y[i] - ly) / ry;
            if (Math.abs(dx) + Math.abs(dy) >= step) {
                kept.add(new double[] {x[i], y[i]});
                lx = x[i];
                ly = y[i];
            }
        }
        kept.add(new double[] {x[x.length - 1], y[y.length - 1]});
        double[][] out = new double[2][kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            out[0][i] = kept.get(i)[0];
            out[1][i] = kept.get(i)[1];
        }
        return out;
    }

    private static double range(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (Double.isFinite(d)) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        }
        return hi > lo ? hi - lo : 0;
    }
}
