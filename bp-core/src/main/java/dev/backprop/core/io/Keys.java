package dev.backprop.core.io;

import java.util.regex.Pattern;

/** The naming rules of model files: metadata keys, array keys and the archive entries they become. */
final class Keys {

    /** Metadata keys and array keys: letters, digits, '.', '_', '/' and '-'. */
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9._/-]+");

    /** The names of the network's own arrays, which extra arrays may not take: layer index, then W or b. */
    static final Pattern PARAMETER = Pattern.compile("layer(0|[1-9][0-9]*)\\.([Wb])");

    /** The suffix of every array entry. */
    static final String NPY_SUFFIX = ".npy";

    private Keys() {}

    /** The key of layer {@code index}'s weight matrix W, as {@code Parameter.name()} gives it. */
    static String weight(int index) {
        return "layer" + index + ".W";
    }

    /** The key of layer {@code index}'s bias row b. */
    static String bias(int index) {
        return "layer" + index + ".b";
    }

    /** The archive entry holding the array with this key. */
    static String entry(String arrayKey) {
        return arrayKey + NPY_SUFFIX;
    }

    /**
     * What is wrong with an array key, or null when it is usable: it must match {@link #KEY}, and as a path
     * inside the archive it must have no empty, {@code .} or {@code ..} segment.
     */
    static String arrayKeyProblem(String key) {
        if (!KEY.matcher(key).matches()) {
            return "may contain only letters, digits, '.', '_', '/' and '-'";
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "has an empty, '.' or '..' path segment";
            }
        }
        return null;
    }

    /** Whether a manifest value can hold this text: anything but line breaks (CR or LF). */
    static boolean isStorableValue(String value) {
        return value.indexOf('\n') < 0 && value.indexOf('\r') < 0;
    }
}
