package dev.backprop.examples.support;

import dev.backprop.core.train.History;
import dev.backprop.core.train.TrainingContext;
import dev.backprop.core.train.TrainingListener;
import java.io.Console;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar over the batches of each epoch, drawn on standard error while the program runs on an interactive
 * terminal ({@link System#console()} is not null). Elsewhere — output piped or redirected, tests, CI — it does
 * nothing, so logs and captured output stay clean.
 *
 * <p>The bar closes after the last batch of an epoch, before the trainer logs the epoch's line.
 */
public final class ProgressBarListener implements TrainingListener {

    private final boolean enabled;
    private ProgressBar bar;
    private int batches;

    private ProgressBarListener(boolean enabled) {
        this.enabled = enabled;
    }

    /** A listener that shows a bar when standard input and output are a terminal. */
    public static ProgressBarListener forConsole() {
        return new ProgressBarListener(isTerminal());
    }

    /**
     * Whether standard input and output are a terminal: {@code Console.isTerminal()} where it exists (Java 22+,
     * where {@code System.console()} is no longer null when they are not), else whether there is a console.
     */
    @SuppressWarnings("SystemConsoleNull") // before Java 22, a null console is the answer; after, isTerminal() is
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | ClassCastException e) {
            return false;
        }
    }

    /** Whether the bar is drawn. */
    public boolean enabled() {
        return enabled;
    }

    @Override
    public void onEpochStart(TrainingContext context, int epoch, int batchCount) {
        if (!enabled) {
            return;
        }
        close();
        batches = batchCount;
        bar = new ProgressBarBuilder()
                .setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, context.epochs()))
                .setInitialMax(batchCount)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(200)
                .build();
    }

    @Override
    public void onBatchEnd(TrainingContext context, int epoch, int batch, double loss) {
        if (bar == null) {
            return;
        }
        bar.stepTo(batch + 1L);
        bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f", loss));
        if (batch + 1 >= batches) {
            close();
        }
    }

    @Override
    public void onTrainingEnd(TrainingContext context, History history) {
        close();
    }

    private void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
