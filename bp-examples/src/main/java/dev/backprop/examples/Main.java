package dev.backprop.examples;

import dev.backprop.examples.cli.BpCommand;
import java.io.PrintWriter;
import picocli.CommandLine;

/** The {@code bp} command-line program. */
public final class Main {

    private Main() {}

    /** Runs the program and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs the program with the given output streams, as tests do.
     *
     * @return the exit code: 0 success, 1 a check failed (gradcheck), 2 bad options, 3 bad input (a file or a
     *         value the command could not use)
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = BpCommand.commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }
}
