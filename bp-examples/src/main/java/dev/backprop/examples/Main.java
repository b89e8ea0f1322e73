package dev.backprop.examples;

import dev.backprop.core.spi.Echo;
import dev.backprop.core.spi.Numbers;
import dev.backprop.examples.cli.BpCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/** The {@code bp} command-line program. */
public final class Main {

    /** Exit code when Java ran out of memory: the message names the sizes asked for and how to give more. */
    public static final int OUT_OF_MEMORY = 4;

    /** Options whose values set how much memory a run needs. */
    private static final List<String> SIZE_OPTIONS = List.of(
            "--hidden",
            "--batch-size",
            "--repeat",
            "--samples",
            "--inputs",
            "--outputs",
            "--classes",
            "--train-limit",
            "--test-limit",
            "--input",
            "--model",
            "--data");

    private Main() {}

    /** Runs the program and exits with its exit code. */
    public static void main(String[] args) {
        // the terminal's encoding, which Java 17 takes as the default charset
        Charset terminal = Charset.defaultCharset();
        System.exit(run(
                new PrintWriter(new OutputStreamWriter(System.out, terminal), true),
                new PrintWriter(new OutputStreamWriter(System.err, terminal), true),
                args));
    }

    /**
     * Runs the program with the given output streams, as tests do.
     *
     * @return the exit code: 0 success, 1 a check failed (gradcheck, training diverged), 2 bad options, 3 bad input
     *         (a file or a value the command could not use, an output path that cannot be written), 4 out of
     *         memory
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(BpCommand.commandLine(), out, err, args);
    }

    /**
     * Runs the given command line as the program does (strict numbers in options, one line on running out of
     * memory), for tests that build it with their own plug-in sources.
     *
     * @return the exit code, as {@link #run(PrintWriter, PrintWriter, String...)}
     */
    public static int run(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
        cli.setOut(out);
        cli.setErr(err);
        registerStrictNumbers(cli);
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            return outOfMemory(cli, err, e, args);
        } catch (RuntimeException e) {
            OutOfMemoryError oom = findOutOfMemory(e);
            if (oom == null) {
                throw e;
            }
            return outOfMemory(cli, err, oom, args);
        }
    }

    /**
     * Numbers in options follow bp's one grammar ({@link Numbers}): ASCII decimal with an optional exponent; no
     * {@code d}/{@code f} suffixes, hexadecimal or other scripts' digits. picocli names the option in its message.
     */
    private static void registerStrictNumbers(CommandLine cli) {
        CommandLine.ITypeConverter<Integer> integer = text -> strict(() -> Numbers.parseInt(text, "the value"));
        CommandLine.ITypeConverter<Long> whole = text -> strict(() -> Numbers.parseLong(text, "the value"));
        CommandLine.ITypeConverter<Double> real = text -> strict(() -> Numbers.parseReal(text, "the value"));
        cli.registerConverter(Integer.class, integer);
        cli.registerConverter(Integer.TYPE, integer);
        cli.registerConverter(Long.class, whole);
        cli.registerConverter(Long.TYPE, whole);
        cli.registerConverter(Double.class, real);
        cli.registerConverter(Double.TYPE, real);
    }

    private static <T> T strict(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    private static OutOfMemoryError findOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                return oom;
            }
        }
        return null;
    }

    /**
     * One line naming what was too big (the sizes the command was given) and how to give Java more memory. The
     * memory held by the failed run is unreachable by now, so printing works.
     */
    private static int outOfMemory(CommandLine cli, PrintWriter err, OutOfMemoryError e, String... args) {
        String command = args.length > 0 && cli.getSubcommands().containsKey(args[0]) ? "bp " + args[0] : "bp";
        List<String> sizes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            for (String option : SIZE_OPTIONS) {
                if (arg.equals(option) && i + 1 < args.length) {
                    sizes.add(option + " " + abbreviate(args[i + 1]));
                } else if (arg.startsWith(option + "=")) {
                    sizes.add(abbreviate(arg));
                }
            }
        }
        String threads = System.getProperty("bp.threads");
        if (threads != null) {
            sizes.add("-Dbp.threads=" + abbreviate(threads));
        }
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        String what = sizes.isEmpty() ? "the run's default sizes" : String.join(" ", sizes);
        String detail = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
        err.println(String.format(
                Locale.ROOT,
                "%s: out of memory%s with %s, in a Java heap of at most %d MB. Use smaller sizes, or give Java more"
                        + " memory, e.g. BP_JAVA_OPTS=-Xmx%dg ./bp %s",
                command,
                detail,
                what,
                maxMb,
                Math.max(2, (4 * maxMb + 1023) / 1024),
                String.join(" ", args).length() > 200 ? "..." : String.join(" ", args)));
        err.flush();
        return OUT_OF_MEMORY;
    }

    private static String abbreviate(String text) {
        return text.length() > Echo.LIMIT ? Echo.quote(text) : text;
    }
}
