package dev.backprop.data.encoding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Class names ↔ class indices, immutable. The index of a name is its position in {@link #names()}: either the
 * order given to {@link #of(List)} or, with {@link #fit(Iterable)}, the order in which names first appear in
 * the data (so "b, a, b, c" gives b = 0, a = 1, c = 2; sort the names first and use {@code of} for an order
 * that does not depend on the data's order). Names match exactly, case-sensitive.
 */
public final class LabelEncoder {

    private final List<String> names;
    private final Map<String, Integer> indices;

    private LabelEncoder(List<String> names) {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null) {
                throw new IllegalArgumentException("class name " + i + " is null");
            }
            Integer previous = map.put(name, i);
            if (previous != null) {
                throw new IllegalArgumentException(
                        "class name '" + name + "' appears twice, at " + previous + " and " + i);
            }
        }
        this.names = List.copyOf(names);
        this.indices = Collections.unmodifiableMap(map);
    }

    /**
     * An encoder with the given names in the given order: {@code names.get(i)} has index i.
     *
     * @param names distinct, non-null. Not modified.
     * @throws IllegalArgumentException naming the duplicate when a name appears twice
     */
    public static LabelEncoder of(List<String> names) {
        return new LabelEncoder(names);
    }

    /** An encoder with the given names in the given order; see {@link #of(List)}. */
    public static LabelEncoder of(String... names) {
        return new LabelEncoder(List.of(names));
    }

    /**
     * An encoder of the distinct names in the order of their first appearance.
     *
     * @param values class names as they occur in the data, non-null. Not modified.
     */
    public static LabelEncoder fit(Iterable<String> values) {
        List<String> distinct = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (String value : values) {
            if (seen.put(value, Boolean.TRUE) == null) {
                distinct.add(value);
            }
        }
        return new LabelEncoder(distinct);
    }

    /** The number of classes. */
    public int classCount() {
        return names.size();
    }

    /** The names, index i at position i; immutable. */
    public List<String> names() {
        return names;
    }

    /** Whether {@code name} is one of the classes. */
    public boolean contains(String name) {
        return indices.containsKey(name);
    }

    /**
     * The index of a class name.
     *
     * @throws IllegalArgumentException naming the value and the known names when it is not one of them
     */
    public int index(String name) {
        Integer index = indices.get(name);
        if (index == null) {
            throw new IllegalArgumentException("unknown class name '" + name + "'; known: " + names);
        }
        return index;
    }

    /**
     * The name of a class index.
     *
     * @throws IllegalArgumentException when the index is outside {@code [0, classCount())}
     */
    public String name(int index) {
        if (index < 0 || index >= names.size()) {
            throw new IllegalArgumentException("class index " + index + " is outside [0, " + names.size() + ")");
        }
        return names.get(index);
    }

    /**
     * The indices of the given names.
     *
     * @throws IllegalArgumentException naming the row and the value of the first unknown name
     */
    public int[] encode(List<String> values) {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            String value = values.get(i);
            Integer index = indices.get(value);
            if (index == null) {
                throw new IllegalArgumentException(
                        "row " + i + ": unknown class name '" + value + "'; known: " + names);
            }
            out[i] = index;
        }
        return out;
    }

    /**
     * The names of the given indices.
     *
     * @throws IllegalArgumentException naming the row and the value of the first index out of range
     */
    public List<String> decode(int[] labels) {
        List<String> out = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            OneHot.checkLabel(i, labels[i], names.size());
            out.add(names.get(labels[i]));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelEncoder other && names.equals(other.names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    @Override
    public String toString() {
        return "LabelEncoder" + names;
    }
}
