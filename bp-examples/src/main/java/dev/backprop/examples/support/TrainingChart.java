package dev.backprop.examples.support;

import dev.backprop.core.io.OutputFiles;
import dev.backprop.core.train.History;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a training history as an image with XChart, in the format its file name says ({@link #EXTENSIONS}): a title
 * naming the run above two panels, the losses per epoch on the left ({@code train.loss} and every
 * {@code <set>.loss}) and, when the history has them, the accuracies per epoch on the right (every key ending in
 * {@code accuracy}). Each set of figures keeps one colour in both panels (the test loss and the test accuracy share
 * one), the legends use words ({@link #label}), and the epoch axis has round ticks spaced by XChart (5, 10, 100, ...),
 * so that its labels stay apart at any number of epochs.
 */
public final class TrainingChart {

    /** The file extensions the chart can be written as: PNG, JPEG, BMP and GIF. */
    public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "bmp", "gif");

    private static final int WIDTH = 640;
    private static final int PANEL_HEIGHT = 420;
    /** The height of the band with the run's title above the panels. */
    static final int TITLE_HEIGHT = 36;

    /** Colours for the sets of figures in order of appearance: blue, orange, green, red, purple, brown, grey. */
    private static final List<Color> COLOURS = List.of(
            new Color(0x1f77b4),
            new Color(0xff7f0e),
            new Color(0x2ca02c),
            new Color(0xd62728),
            new Color(0x9467bd),
            new Color(0x8c564b),
            new Color(0x7f7f7f));

    private static final String TRAIN_LOSS = "train.loss";
    private static final String TRAIN_EVALUATION = "train-eval";

    private TrainingChart() {}

    /**
     * Writes the chart atomically, replacing a regular file at the path and nothing else; the folder must exist.
     *
     * @param history at least one epoch
     * @param title   the title above the panels, naming the run, e.g. {@code bp iris: 4-8(tanh)-3(softmax) ...}
     * @param file    the image to write, named {@code *.png}, {@code *.jpg}, {@code *.jpeg}, {@code *.bmp} or
     *                {@code *.gif}
     * @throws IllegalArgumentException when the history is empty or the extension is not an image format
     * @throws UncheckedIOException     naming the file when it cannot be written
     */
    public static void write(History history, String title, Path file) {
        String extension = OutputPaths.extension(file);
        if (!EXTENSIONS.contains(extension)) {
            throw new IllegalArgumentException(
                    "cannot draw " + file + ": the file name must end in .png, .jpg, .jpeg," + " .bmp or .gif");
        }
        String format = extension.equals("jpeg") ? "jpg" : extension;
        if (history.size() == 0) {
            throw new IllegalArgumentException("cannot draw " + file + ": the history has no epochs");
        }
        List<String> losses = new ArrayList<>();
        List<String> accuracies = new ArrayList<>();
        Map<String, Color> colours = new LinkedHashMap<>();
        for (String key : history.keys()) {
            if (key.endsWith(".loss")) {
                losses.add(key);
            } else if (key.endsWith("accuracy")) {
                accuracies.add(key);
            } else {
                continue;
            }
            colours.computeIfAbsent(set(key), s -> COLOURS.get(colours.size() % COLOURS.size()));
        }
        List<BufferedImage> panels = new ArrayList<>();
        panels.add(panel(history, "loss per epoch", "loss", losses, colours));
        if (!accuracies.isEmpty()) {
            panels.add(panel(history, "accuracy per epoch", "accuracy", accuracies, colours));
        }
        BufferedImage image =
                new BufferedImage(WIDTH * panels.size(), TITLE_HEIGHT + PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            Font font = new Font(Font.SANS_SERIF, Font.BOLD, 16);
            g.setFont(font);
            FontMetrics metrics = g.getFontMetrics();
            String shown = fit(title, metrics, image.getWidth() - 20);
            g.drawString(
                    shown,
                    (image.getWidth() - metrics.stringWidth(shown)) / 2,
                    (TITLE_HEIGHT + metrics.getAscent() - metrics.getDescent()) / 2);
            for (int i = 0; i < panels.size(); i++) {
                g.drawImage(panels.get(i), i * WIDTH, TITLE_HEIGHT, null);
            }
        } finally {
            g.dispose();
        }
        try {
            OutputFiles.write(file, out -> {
                if (!ImageIO.write(image, format, out)) {
                    throw new IOException("no " + format + " image writer is available");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The legend's words for a metric key: {@code train.loss} is the training loss as the mean of the epoch's
     * batch losses, {@code train-eval.<metric>} the training set's figure measured after the epoch, and
     * {@code <set>.<metric>} the set's name and the metric's, e.g. {@code test accuracy}.
     */
    static String label(String key) {
        if (key.equals(TRAIN_LOSS)) {
            return "training loss (batch mean)";
        }
        int dot = key.lastIndexOf('.');
        String set = dot < 0 ? "" : key.substring(0, dot);
        String metric = key.substring(dot + 1).replace('-', ' ').replace('_', ' ');
        if (set.equals(TRAIN_EVALUATION)) {
            return metric.equals("loss") ? "training loss (after the epoch)" : "training " + metric;
        }
        return set.isEmpty() ? metric : set.replace('-', ' ') + " " + metric;
    }

    /** The set a key belongs to, its colour's name: {@code test} for {@code test.loss}, the key itself for train.loss. */
    private static String set(String key) {
        if (key.equals(TRAIN_LOSS)) {
            return key;
        }
        int dot = key.lastIndexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    /** The text, cut with an ellipsis to the width. */
    private static String fit(String text, FontMetrics metrics, int width) {
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && metrics.stringWidth(cut + "...") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "...";
    }

    private static BufferedImage panel(
            History history, String title, String yTitle, List<String> keys, Map<String, Color> colours) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(PANEL_HEIGHT)
                .title(title)
                .xAxisTitle("epoch")
                .yAxisTitle(yTitle)
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setDecimalPattern("#0.####");
        chart.getStyler().setLocale(Locale.ROOT);
        int n = history.size();
        chart.getStyler().setXAxisDecimalPattern("#0");
        // whole epochs only: a tick between two epochs has no label
        chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> {
            long epoch = Math.round(x);
            return Math.abs(x - epoch) < 1e-6 ? Long.toString(epoch) : " ";
        });
        boolean markers = n <= 60;
        double[] epochs = new double[n];
        for (int i = 0; i < epochs.length; i++) {
            epochs[i] = i + 1;
        }

        for (String key : keys) {
            Color colour = colours.get(set(key));
            XYSeries series = chart.addSeries(label(key), epochs, history.series(key));
            series.setLineColor(colour);
            series.setMarkerColor(colour);
            series.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        if (n > 2 && !keys.isEmpty()) {
            // XChart gives equally spaced x values a tick each, and those labels run together from about 30 epochs
            // on; an invisible point half an epoch after the last makes it choose round ticks by its spacing
            double[] last = history.series(keys.get(0));
            XYSeries spacer = chart.addSeries(" ", new double[] {n + 0.5}, new double[] {last[n - 1]});
            spacer.setShowInLegend(false);
            spacer.setMarker(SeriesMarkers.NONE);
            spacer.setLineStyle(SeriesLines.NONE);
        }
        return BitmapEncoder.getBufferedImage(chart);
    }
}
