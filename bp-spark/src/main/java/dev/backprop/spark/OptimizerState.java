package dev.backprop.spark;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * An optimizer's {@link dev.backprop.core.spi.Optimizer#state()} in a form Java serialization ships: the keys
 * and the matrices, in order.
 */
final class OptimizerState implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final OptimizerState EMPTY = new OptimizerState(new String[0], new DMatrixRMaj[0]);

    private final String[] keys;
    private final DMatrixRMaj[] values;

    private OptimizerState(String[] keys, DMatrixRMaj[] values) {
        this.keys = keys;
        this.values = values;
    }

    static OptimizerState empty() {
        return EMPTY;
    }

    /** A copy of a state map. */
    static OptimizerState of(Map<String, DMatrixRMaj> state) {
        String[] keys = new String[state.size()];
        DMatrixRMaj[] values = new DMatrixRMaj[state.size()];
        int i = 0;
        for (Map.Entry<String, DMatrixRMaj> e : state.entrySet()) {
            keys[i] = e.getKey();
            values[i] = e.getValue().copy();
            i++;
        }
        return new OptimizerState(keys, values);
    }

    /** A deep copy. */
    OptimizerState copy() {
        DMatrixRMaj[] copies = new DMatrixRMaj[values.length];
        for (int i = 0; i < values.length; i++) {
            copies[i] = values[i].copy();
        }
        return new OptimizerState(keys.clone(), copies);
    }

    boolean isEmpty() {
        return keys.length == 0;
    }

    /** The state as an unmodifiable map in key order; the matrices are this object's. */
    Map<String, DMatrixRMaj> asMap() {
        Map<String, DMatrixRMaj> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], values[i]);
        }
        return Collections.unmodifiableMap(map);
    }
}
