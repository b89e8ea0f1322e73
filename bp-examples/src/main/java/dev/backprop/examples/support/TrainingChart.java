package dev.backprop.examples.support;

import dev.backprop.core.io.OutputFiles;
import dev.backprop.core.train.History;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a training history as an image with XChart, in the format its file name says ({@link #EXTENSIONS}): the losses per epoch on the left ({@code train.loss} and every
 * {@code <set>.loss}) and, when the history has them, the accuracies per epoch on the right (every key ending in
 * {@code accuracy}).
 */
public final class TrainingChart {

    /** The file extensions the chart can be written as: PNG, JPEG, BMP and GIF. */
    public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "bmp", "gif");

    private static final int WIDTH = 640;
    private static final int HEIGHT = 420;

    private TrainingChart() {}

    /**
     * Writes the chart atomically, replacing a regular file at the path and nothing else; the folder must exist.
     *
     * @param history at least one epoch
     * @param title   the title above the loss panel, e.g. the command's name
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
        for (String key : history.keys()) {
            if (key.endsWith(".loss")) {
                losses.add(key);
            } else if (key.endsWith("accuracy")) {
                accuracies.add(key);
            }
        }
        List<BufferedImage> panels = new ArrayList<>();
        panels.add(panel(history, title + ": loss per epoch", "loss", losses));
        if (!accuracies.isEmpty()) {
            panels.add(panel(history, title + ": accuracy per epoch", "accuracy", accuracies));
        }
        BufferedImage image = new BufferedImage(WIDTH * panels.size(), HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int i = 0; i < panels.size(); i++) {
                g.drawImage(panels.get(i), i * WIDTH, 0, null);
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

    private static BufferedImage panel(History history, String title, String yTitle, List<String> keys) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle("epoch")
                .yAxisTitle(yTitle)
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setDecimalPattern("#0.####");
        chart.getStyler().setLocale(Locale.ROOT);
        double[] epochs = new double[history.size()];
        for (int i = 0; i < epochs.length; i++) {
            epochs[i] = i + 1;
        }
        for (String key : keys) {
            chart.addSeries(key, epochs, history.series(key)).setMarker(SeriesMarkers.CIRCLE);
        }
        return BitmapEncoder.getBufferedImage(chart);
    }
}
