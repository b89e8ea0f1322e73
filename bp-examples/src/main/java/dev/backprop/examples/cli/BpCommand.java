package dev.backprop.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code bp} command; every function is a subcommand. */
@Command(name = "bp", mixinStandardHelpOptions = true, versionProvider = BpCommand.Version.class,
        description = "Backpropagation for Java: examples that train networks and check the mathematics.",
        subcommands = {
            WorkedExampleCommand.class,
            CommandLine.HelpCommand.class
        })
public final class BpCommand implements Runnable {

    /** Exit code when a check fails (gradient check). */
    public static final int CHECK_FAILED = 1;
    /** Exit code for input the command cannot use: a missing or corrupt file, an unknown plug-in name. */
    public static final int BAD_INPUT = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** A command line for the program, with bp's error handling: one-line messages for bad input. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BpCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof IOException
                    || e instanceof UncheckedIOException || e instanceof IllegalStateException) {
                commandLine.getErr().println("bp " + commandLine.getCommandName() + ": " + e.getMessage());
                return BAD_INPUT;
            }
            throw e;
        });
        return cli;
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
