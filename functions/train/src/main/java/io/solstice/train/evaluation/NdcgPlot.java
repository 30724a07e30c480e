package io.solstice.train.evaluation;

import io.solstice.evaluation.CutoffScore;
import io.solstice.evaluation.EvaluationMode;
import io.solstice.evaluation.EvaluationReport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/** Draws NDCG@K per cutoff for every method, one PNG per mode (JFreeChart, headless). */
final class NdcgPlot {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;

    private NdcgPlot() {}

    /** Writes {@code ndcg-<mode>.png} into {@code directory} and returns its path. */
    static Path write(List<EvaluationReport> reports, EvaluationMode mode, int k, Path directory)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (EvaluationReport report : reports) {
            for (CutoffScore score : report.scores(mode)) {
                dataset.addValue(score.at(k).ndcg(), report.method(), score.cutoff().toString());
            }
        }

        JFreeChart chart =
                ChartFactory.createLineChart(
                        "NDCG@" + k + " per cutoff, " + mode.label() + " mode",
                        "cutoff",
                        "NDCG@" + k,
                        dataset,
                        PlotOrientation.VERTICAL,
                        true,
                        false,
                        false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultShapesVisible(true);
        renderer.setDefaultStroke(new BasicStroke(2f));
        renderer.setAutoPopulateSeriesStroke(false);

        Path file = directory.resolve("ndcg-" + mode.label() + ".png");
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        return file;
    }
}
