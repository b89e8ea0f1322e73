package dev.backprop.core.network;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The idle predictors of one network, for {@link Network#predict(org.ejml.data.DMatrixRMaj,
 * org.ejml.data.DMatrixRMaj)}: a fixed number of slots, taken and returned with compare-and-set, so that
 * borrowing and returning allocate nothing. A predictor returned when every slot is full is dropped; the pool
 * holds at most one predictor per slot and dies with its network.
 */
final class PredictorPool {

    private final AtomicReferenceArray<Predictor> slots;

    /** A pool of {@code size} slots. */
    PredictorPool(int size) {
        this.slots = new AtomicReferenceArray<>(size);
    }

    /** An idle predictor, or null if there is none. */
    Predictor take() {
        int n = slots.length();
        int start = start(n);
        for (int i = 0; i < n; i++) {
            int slot = (start + i) % n;
            if (slots.get(slot) != null) {
                Predictor p = slots.getAndSet(slot, null);
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Keeps an idle predictor in a free slot, or drops it if there is none. */
    void give(Predictor predictor) {
        int n = slots.length();
        int start = start(n);
        for (int i = 0; i < n; i++) {
            int slot = (start + i) % n;
            if (slots.get(slot) == null && slots.compareAndSet(slot, null, predictor)) {
                return;
            }
        }
    }

    /** Where a thread starts looking, so that threads mostly use different slots. */
    private static int start(int n) {
        return (int) (Thread.currentThread().getId() % n);
    }
}
