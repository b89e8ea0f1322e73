package dev.backprop.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

/**
 * Explains why {@link java.util.ServiceLoader} does not see a provider class, from where the class was loaded:
 * on the module path, only {@code provides} clauses of {@code module-info.java} count and {@code
 * META-INF/services} files inside the module are ignored; on the class path, only {@code META-INF/services}
 * files count. Maven Surefire runs tests on the module path whenever the project has a {@code
 * module-info.java}, so a services file in {@code src/test/resources} alone does not register a test
 * provider there.
 */
final class ServiceRegistration {

    /** The Surefire setting that runs tests on the class path. */
    static final String SUREFIRE_CLASS_PATH =
            "<useModulePath>false</useModulePath> in the configuration of maven-surefire-plugin";

    private ServiceRegistration() {}

    /**
     * What to do so that ServiceLoader finds {@code provider} as a {@code service}, given that it does not.
     *
     * @param service  the service interface
     * @param provider the provider class
     */
    static String advice(Class<?> service, Class<?> provider) {
        String servicesFile = "META-INF/services/" + service.getName();
        String provides = "'provides " + service.getName() + " with "
                + (provider.getCanonicalName() != null ? provider.getCanonicalName() : provider.getName()) + ";'";
        Module module = provider.getModule();
        if (module.isNamed()) {
            ModuleDescriptor descriptor = module.getDescriptor();
            boolean declared = descriptor != null
                    && descriptor.provides().stream()
                            .anyMatch(p -> p.service().equals(service.getName())
                                    && p.providers().contains(provider.getName()));
            if (declared) {
                return provider.getName() + " is provided by the module " + module.getName()
                        + ", but that module is not visible to the kit's ServiceLoader (context class loader "
                        + Thread.currentThread().getContextClassLoader() + "); resolve it in the boot layer, e.g."
                        + " with --add-modules " + module.getName();
            }
            String where = "; " + provider.getName() + " is in the named module " + module.getName()
                    + " (the tests run on the module path, Maven Surefire's default when the project has a"
                    + " module-info.java), and on the module path ServiceLoader reads only 'provides' clauses. Add "
                    + provides + " to the module-info.java of " + module.getName() + ", or, for a provider that"
                    + " exists only in tests, run them on the class path with " + SUREFIRE_CLASS_PATH;
            if (listedIn(module, servicesFile, provider.getName())) {
                return servicesFile + " lists " + provider.getName()
                        + ", but ServiceLoader ignores META-INF/services files inside named modules" + where;
            }
            return "no 'provides' clause declares it" + where;
        }
        URL listing = listingOnClassPath(provider, servicesFile);
        if (listing != null) {
            return listing + " lists " + provider.getName() + ", yet the registry skipped it: ServiceLoader needs a"
                    + " public class with a public no-argument constructor that does not throw (the registry's WARN"
                    + " log gives the cause)";
        }
        return "List " + provider.getName() + " in " + servicesFile + " (src/main/resources, or src/test/resources"
                + " for a provider of the tests) and add " + provides + " to module-info.java";
    }

    private static boolean listedIn(Module module, String servicesFile, String className) {
        try (InputStream in = module.getResourceAsStream(servicesFile)) {
            return in != null && lists(in, className);
        } catch (IOException e) {
            return false;
        }
    }

    private static URL listingOnClassPath(Class<?> provider, String servicesFile) {
        ClassLoader loader = provider.getClassLoader();
        if (loader == null) {
            return null;
        }
        try {
            Enumeration<URL> files = loader.getResources(servicesFile);
            while (files.hasMoreElements()) {
                URL file = files.nextElement();
                try (InputStream in = file.openStream()) {
                    if (lists(in, provider.getName())) {
                        return file;
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** Whether a services file names the class on a line of its own (comments after # ignored). */
    private static boolean lists(InputStream in, String className) throws IOException {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", 0)) {
            int comment = line.indexOf('#');
            String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (name.equals(className)) {
                return true;
            }
        }
        return false;
    }
}
