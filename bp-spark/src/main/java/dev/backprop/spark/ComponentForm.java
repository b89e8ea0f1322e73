package dev.backprop.spark;

import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Config;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link ComponentSpec} in a form Java serialization can ship to executors: the registered name and the
 * parameters as text, in order. Executors turn it back into a component through their own registries, so a
 * plug-in reaches them by name, never by class.
 */
final class ComponentForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String[] keys;
    private final String[] values;

    private ComponentForm(String name, String[] keys, String[] values) {
        this.name = name;
        this.keys = keys;
        this.values = values;
    }

    static ComponentForm of(ComponentSpec spec) {
        Map<String, String> map = spec.config().asMap();
        String[] keys = new String[map.size()];
        String[] values = new String[map.size()];
        int i = 0;
        for (Map.Entry<String, String> e : map.entrySet()) {
            keys[i] = e.getKey();
            values[i] = e.getValue();
            i++;
        }
        return new ComponentForm(spec.name(), keys, values);
    }

    ComponentSpec spec() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], values[i]);
        }
        return new ComponentSpec(name, Config.of(map));
    }

    @Override
    public String toString() {
        return spec().toString();
    }
}
