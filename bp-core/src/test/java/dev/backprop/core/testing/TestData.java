package dev.backprop.core.testing;

import dev.backprop.core.data.Batch;
import dev.backprop.core.data.BatchSource;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.random.Rng;
import org.ejml.data.DMatrixRMaj;

/** A plain in-memory dataset and a seeded minibatch source for bp-core's own tests (bp-data has the real ones). */
public final class TestData implements Dataset, BatchSource {

    private final DMatrixRMaj x;
    private final DMatrixRMaj t;
    private final int batchSize;
    private final long seed;
    private final int[] order;
    private final DMatrixRMaj bx = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj bt = new DMatrixRMaj(1, 1);

    /** Data with a batch size and shuffle seed. */
    public TestData(DMatrixRMaj x, DMatrixRMaj t, int batchSize, long seed) {
        this.x = x;
        this.t = t;
        this.batchSize = batchSize;
        this.seed = seed;
        this.order = new int[x.numRows];
    }

    @Override
    public int size() {
        return x.numRows;
    }

    @Override
    public int featureCount() {
        return x.numCols;
    }

    @Override
    public int targetCount() {
        return t.numCols;
    }

    @Override
    public void copyRows(int[] rows, int from, int to, DMatrixRMaj features, DMatrixRMaj targets) {
        features.reshape(to - from, x.numCols);
        targets.reshape(to - from, t.numCols);
        for (int i = from; i < to; i++) {
            System.arraycopy(x.data, rows[i] * x.numCols, features.data, (i - from) * x.numCols, x.numCols);
            System.arraycopy(t.data, rows[i] * t.numCols, targets.data, (i - from) * t.numCols, t.numCols);
        }
    }

    @Override
    public int sampleCount() {
        return x.numRows;
    }

    @Override
    public int beginEpoch(int epoch) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        new Rng(Rng.derive(seed, epoch)).shuffle(order);
        return (order.length + batchSize - 1) / batchSize;
    }

    @Override
    public Batch batch(int index) {
        int from = index * batchSize;
        copyRows(order, from, Math.min(order.length, from + batchSize), bx, bt);
        return new Batch(bx, bt);
    }
}
