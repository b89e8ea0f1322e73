package dev.backprop.examples.cli;

import dev.backprop.core.registry.DuplicateProviderException;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.registry.UnknownComponentException;
import dev.backprop.core.train.TrainingDivergedException;
import dev.backprop.examples.support.PluginPath;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
public final class BpCommand implements Runnable {

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

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = BpCommand.class.getPackage().getImplementationVersion();
            return new String[] {"bp " + (v == null ? "(development build)" : v)};
        }
    }
}
