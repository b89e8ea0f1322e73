package dev.backprop.core.io;

import dev.backprop.core.network.DenseLayer;
import dev.backprop.core.network.Network;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The writer that {@link AtomicSaveWindowTest} starts in a child JVM: it saves version v of a model to a path,
 * then starts saving version v + 1 and stops inside that save at a chosen point, reports it on its standard
 * output and waits to be killed. Version v has every weight equal to v and every bias equal to −v.
 *
 * <p>Points: {@code half}, once at least half of the file's bytes are in the temporary file; {@code complete},
 * when the last byte has been written and flushed to the temporary file, that is after the write and before the
 * rename. The report is {@code paused <point> <bytes written> <bytes of the file>}. It exits by itself after a
 * minute in case nobody kills it.
 */
public final class PausingSaveMain {

    private PausingSaveMain() {}

    /**
     * Runs one save and one paused save.
     *
     * @param args the file, the input size, the output size, the version v and the point ({@code half} or
     *             {@code complete})
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int in = Integer.parseInt(args[1]);
        int out = Integer.parseInt(args[2]);
        long version = Long.parseLong(args[3]);
        boolean complete = args[4].equals("complete");
        Network net = Network.builder(IoTestRegistries.standard())
                .input(in)
                .dense(out, "tanh")
                .build();
        DenseLayer layer = net.layer(0);
        Arrays.fill(layer.weights().data, version);
        Arrays.fill(layer.bias().data, -version);
        ModelFile.save(file, ModelDocument.of(net).withMetadata("version", Long.toString(version)));
        // both versions have as many digits, so the next file has exactly this size
        long size = Files.size(file);
        System.out.println("saved " + version + " " + size);
        System.out.flush();

        Arrays.fill(layer.weights().data, version + 1);
        Arrays.fill(layer.bias().data, -(version + 1));
        ModelFile.save(
                file,
                ModelDocument.of(net).withMetadata("version", Long.toString(version + 1)),
                stream -> new PausingStream(stream, size, complete));
        // not reached: the stream pauses until the process is killed
        System.out.println("finished");
    }

    /** Passes bytes through; pauses once half of them are written, or at the flush after the last one. */
    private static final class PausingStream extends FilterOutputStream {
        private final long size;
        private final boolean complete;
        private long written;

        PausingStream(OutputStream out, long size, boolean complete) {
            super(out);
            this.size = size;
            this.complete = complete;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            written += len;
            if (!complete && written >= size / 2) {
                pause("half");
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
            if (complete && written == size) {
                pause("complete");
            }
        }

        private void pause(String point) {
            System.out.println("paused " + point + " " + written + " " + size);
            System.out.flush();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.exit(3);
        }
    }
}
