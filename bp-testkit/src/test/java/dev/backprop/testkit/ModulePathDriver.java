package dev.backprop.testkit;

import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main class of the child JVM that {@link ModulePathTest} starts: it runs the kit on one provider as a
 * plug-in's test would, and writes the report to a file.
 */
public final class ModulePathDriver {

    private ModulePathDriver() {}

    /**
     * Checks a provider.
     *
     * @param args the provider's class name and the file to write the report to
     * @throws Exception if the provider cannot be made or the file written
     */
    public static void main(String[] args) throws Exception {
        ActivationProvider provider = Class.forName(args[0])
                .asSubclass(ActivationProvider.class)
                .getConstructor()
                .newInstance();
        ConformanceReport report = Conformance.defaults().checkActivation(provider, Config.empty());
        Files.writeString(Path.of(args[1]), report.toString());
    }
}
