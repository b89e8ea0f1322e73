package dev.backprop.core.io;

import dev.backprop.core.network.DenseLayer;
import dev.backprop.core.network.Network;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The writer that {@link AtomicSaveTest} starts in a child JVM and kills: it saves a model of several MB to one
 * path again and again. Save number v has every weight equal to v and every bias equal to −v, so a file mixing
 * two saves would show. After each save it prints {@code saved <v>} to its standard output, which the test
 * reads through a pipe. It stops by itself after a minute in case nobody kills it.
 */
public final class SaveLoopMain {

    private SaveLoopMain() {}

    /**
     * Runs the loop.
     *
     * @param args the file, the input size, the output size and the first version number
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int in = Integer.parseInt(args[1]);
        int out = Integer.parseInt(args[2]);
        long first = Long.parseLong(args[3]);
        Network net = Network.builder(IoTestRegistries.standard())
                .input(in)
                .dense(out, "tanh")
                .build();
        DenseLayer layer = net.layer(0);
        long deadline = System.nanoTime() + 60_000_000_000L;
        for (long version = first; System.nanoTime() < deadline; version++) {
            Arrays.fill(layer.weights().data, version);
            Arrays.fill(layer.bias().data, -version);
            ModelFile.save(file, ModelDocument.of(net).withMetadata("version", Long.toString(version)));
            System.out.println("saved " + version);
            System.out.flush();
        }
    }
}
