package dev.backprop.examples.cli;

import dev.backprop.core.registry.DuplicateProviderException;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.registry.UnknownComponentException;
import dev.backprop.core.train.TrainingDivergedException;
import dev.backprop.examples.support.PluginPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The top-level {@code bp} command; every function is a subcommand. It holds the options every command
 * inherits — {@code --plugin-path} and {@code --prefer} — and builds the registries from them once per run.
 */
@Command(
        name = "bp",
        mixinStandardHelpOptions = true,
        versionProvider = BpCommand.Version.class,
        description = "Backpropagation for Java: examples that train networks and check the mathematics.",
        subcommands = {
            WorkedExampleCommand.class,
            TraceCommand.class,
            XorCommand.class,
            LogisticCommand.class,
            RegressionCommand.class,
            IrisCommand.class,
            DigitsCommand.class,
            MnistCommand.class,
            GradcheckCommand.class,
            PluginsCommand.class,
            PredictCommand.class,
            ExportCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class BpCommand implements Callable<Integer> {

    /** Exit code when a check fails: a gradient check, XOR not learned, a plug-in conflict, training diverged. */
    public static final int CHECK_FAILED = 1;
    /** Exit code for input the command cannot use: a missing or corrupt file, an unknown plug-in name. */
    public static final int BAD_INPUT = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--plugin-path",
            paramLabel = "PATH",
            scope = ScopeType.INHERIT,
            description = "Plug-in jars, or folders of jars, separated by '${sys:path.separator}'; repeatable."
                    + " Also read: the BP_PLUGIN_PATH variable and the folder ~/.bp/plugins.")
    private List<String> pluginPath = new ArrayList<>();

    @Option(
            names = "--prefer",
            paramLabel = "CLASS",
            scope = ScopeType.INHERIT,
            description = "The provider class that wins a name two plug-ins claim (see 'bp plugins'); repeatable.")
    private List<String> preferred = new ArrayList<>();

    private final String environmentPluginPath;
    private final Path pluginFolder;
    private Registries registries;

    /**
     * The command, with the plug-in path's other two sources.
     *
     * @param environmentPluginPath the value of {@code BP_PLUGIN_PATH}, or null
     * @param pluginFolder          the folder of plug-in jars always scanned
     */
    BpCommand(String environmentPluginPath, Path pluginFolder) {
        this.environmentPluginPath = environmentPluginPath;
        this.pluginFolder = pluginFolder;
    }

    /**
     * A command line for the program, with bp's error handling: a bad option prints one line naming it and a hint
     * to the command's help (exit code 2); input the command cannot use — a missing or corrupt file, an unknown
     * plug-in name, a value a component refuses — prints {@code bp <command>: <message>} without a stack trace
     * (exit code 3); training that diverges prints its message (exit code 1).
     */
    public static CommandLine commandLine() {
        return commandLine(System.getenv(PluginPath.ENVIRONMENT_VARIABLE), PluginPath.defaultFolder());
    }

    /**
     * A command line for the program, with the plug-in path's environment variable and folder given.
     *
     * @param environmentPluginPath the value of {@code BP_PLUGIN_PATH}, or null
     * @param pluginFolder          the folder of plug-in jars always scanned
     */
    static CommandLine commandLine(String environmentPluginPath, Path pluginFolder) {
        CommandLine cli = new CommandLine(new BpCommand(environmentPluginPath, pluginFolder));
        // --version on every command prints the program's version, as 'bp --version' does
        Version version = new Version();
        forEachCommand(cli, command -> {
            command.getCommandSpec().versionProvider(version);
            command.setHelpFactory(WholeWordsHelp.FACTORY);
        });
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine command = e.getCommandLine();
            PrintWriter err = command.getErr();
            String name = command.getCommandSpec().qualifiedName();
            err.println(name + ": " + oneLine(e.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Try '" + name + " --help' for the options.");
            err.flush();
            return command.getCommandSpec().exitCodeOnInvalidInput();
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String name = commandLine.getCommandSpec().qualifiedName();
            if (e instanceof DuplicateProviderException duplicate) {
                commandLine
                        .getErr()
                        .println(name + ": " + oneLine(e.getMessage()) + " In bp: --prefer "
                                + duplicate.classNames().get(0) + " chooses the first.");
                commandLine.getErr().flush();
                return CHECK_FAILED;
            }
            if (e instanceof TrainingDivergedException) {
                commandLine.getErr().println(name + ": " + oneLine(e.getMessage()));
                commandLine.getErr().flush();
                return CHECK_FAILED;
            }
            if (e instanceof UnknownComponentException || causedByUnknownName(e)) {
                commandLine.getErr().println(name + ": " + oneLine(e.getMessage()) + " " + PLUGIN_HINT);
                commandLine.getErr().flush();
                return BAD_INPUT;
            }
            if (e instanceof IllegalArgumentException
                    || e instanceof IOException
                    || e instanceof UncheckedIOException
                    || e instanceof IllegalStateException) {
                commandLine.getErr().println(name + ": " + oneLine(e.getMessage()));
                commandLine.getErr().flush();
                return BAD_INPUT;
            }
            throw e;
        });
        return cli;
    }

    /** How to add a plug-in to the program, appended to every unknown-name message. */
    static final String PLUGIN_HINT = "In bp, add a plug-in jar with --plugin-path JAR (or the BP_PLUGIN_PATH"
            + " variable, or put the jar in ~/.bp/plugins); 'bp plugins' lists what is found.";

    /**
     * The registries of the program and its plug-ins, built on first use from {@code --plugin-path},
     * {@code BP_PLUGIN_PATH}, the plug-in folder and {@code --prefer}.
     *
     * @throws IllegalArgumentException for a plug-in path that does not exist or a preferred class no provider has
     */
    Registries registries() {
        if (registries == null) {
            registries = PluginPath.of(pluginPath, environmentPluginPath, pluginFolder)
                    .registries(preferred);
        }
        return registries;
    }

    /** The plug-in path of this run. */
    PluginPath pluginPath() {
        return PluginPath.of(pluginPath, environmentPluginPath, pluginFolder);
    }

    /**
     * The registries for a command of the program: those of the {@code bp} command it belongs to, or, for a
     * command used on its own, everything on the class path or module path.
     */
    static Registries registries(CommandLine.Model.CommandSpec command) {
        Object root = command.root().userObject();
        return root instanceof BpCommand bp ? bp.registries() : Registries.discover();
    }

    /** Whether an unknown component name is among the causes, as when a model file names a missing plug-in. */
    private static boolean causedByUnknownName(Throwable e) {
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof UnknownComponentException) {
                return true;
            }
        }
        return false;
    }

    /** A message on one line: line breaks and the spaces around them become one space. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static void forEachCommand(CommandLine command, java.util.function.Consumer<CommandLine> action) {
        action.accept(command);
        for (CommandLine sub : command.getSubcommands().values()) {
            forEachCommand(sub, action);
        }
    }

    /** {@code bp} without a command: the usage on the error stream, and exit code 2, as for a bad option. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("bp: no command given");
        spec.commandLine().usage(err);
        err.flush();
        return spec.exitCodeOnInvalidInput();
    }

    /** The program's version, from a resource the build writes with the project's version. */
    static final class Version implements CommandLine.IVersionProvider {

        /** The resource, next to this class, holding {@code version=<project version>}. */
        static final String RESOURCE = "version.properties";

        @Override
        public String[] getVersion() {
            return new String[] {"bp " + version()};
        }

        /**
         * The project's version, e.g. {@code 0.1.0-SNAPSHOT}.
         *
         * @throws IllegalStateException when the resource is missing or was not filled in by the build
         */
        static String version() {
            Properties properties = new Properties();
            try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the build did not package " + RESOURCE + " with the program");
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
            }
            String v = properties.getProperty("version", "");
            if (v.isEmpty() || v.contains("${")) {
                throw new IllegalStateException(RESOURCE + " holds no version: the build did not filter it");
            }
            return v;
        }
    }
}
