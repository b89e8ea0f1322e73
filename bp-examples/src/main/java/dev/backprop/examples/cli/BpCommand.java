package dev.backprop.examples.cli;

import dev.backprop.core.registry.DuplicateProviderException;
import dev.backprop.core.train.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code bp} command; every function is a subcommand. */
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

    /**
     * A command line for the program, with bp's error handling: a bad option prints one line naming it and a hint
     * to the command's help (exit code 2); input the command cannot use — a missing or corrupt file, an unknown
     * plug-in name, a value a component refuses — prints {@code bp <command>: <message>} without a stack trace
     * (exit code 3); training that diverges prints its message (exit code 1).
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BpCommand());
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
            if (e instanceof TrainingDivergedException || e instanceof DuplicateProviderException) {
                commandLine.getErr().println(name + ": " + oneLine(e.getMessage()));
                commandLine.getErr().flush();
                return CHECK_FAILED;
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
