package dev.backprop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramBehaviourTest {

    /** The project's version, read from the parent element of this module's POM. */
    private static String projectVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                .matcher(pom);
        assertThat(m.find()).isTrue();
        return m.group(1).strip();
    }

    @Test
    void version_isTheProjectsOnEveryCommand() throws IOException {
        String expected = "bp " + projectVersion();
        assertThat(CommandRun.of("--version").out().strip()).isEqualTo(expected);
        for (String command : BpCommand.commandLine().getSubcommands().keySet()) {
            if (command.equals("help")) {
                continue;
            }
            CommandRun run = CommandRun.of(command, "--version");
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out().strip()).as(command).isEqualTo(expected);
        }
    }

    @Test
    void noCommand_printsTheUsageAndExitsTwo() {
        CommandRun run = CommandRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("bp: no command given").contains("Usage: bp ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void workedExampleWithStepZero_isABadOptionWithTheHelpHint() {
        CommandRun run = CommandRun.of("worked-example", "--steps", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().split("\\R"))
                .containsExactly(
                        "bp worked-example: --steps must be at least 1, got 0",
                        "Try 'bp worked-example --help' for the options.");
    }

    @Test
    void helpShowsPlaceholdersAndAMomentumSpecThatWorks() {
        String help = CommandRun.of("worked-example", "--help").out();
        assertThat(help).contains("--lr=RATE", "--steps=N[,N...]").doesNotContain("<");
        String irisHelp = CommandRun.of("iris", "--help").out();
        // lines break at spaces only, never inside a value such as huber(delta=0.5)
        assertThat(irisHelp.replaceAll("\\s+", " ")).contains("momentum(momentum=0.9)", "huber(delta=0.5)");
        // the example the help gives trains
        CommandRun run = CommandRun.of("iris", "--epochs", "1", "--optimizer", "momentum(momentum=0.9)");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("optimizer momentum(momentum=0.9,lr=0.1)");
    }

    @Test
    void helpLinesBreakAtSpacesOnly_andFitEightyColumns() {
        for (String command : BpCommand.commandLine().getSubcommands().keySet()) {
            String help = CommandRun.of(command, "--help").out();
            assertThat(help.split("\\R"))
                    .as(command)
                    .allSatisfy(line -> assertThat(line.length()).isLessThan(80));
        }
        // values picocli's own wrapping split: "[--history=FILE." / "csv]", "[--skip=COLUMNS[," / "COLUMNS...]]..."
        assertThat(CommandRun.of("mnist", "--help").out()).contains("[--history=FILE.csv]");
        assertThat(CommandRun.of("predict", "--help").out()).contains("[--skip=COLUMNS[,COLUMNS...]]...");
    }

    @Test
    void aParameterTheComponentDoesNotTake_isABadOption() {
        // the example the help used to give: momentum's parameter is 'momentum', not 'beta'
        CommandRun optimizer = CommandRun.of("iris", "--optimizer", "momentum(beta=0.9)");
        assertThat(optimizer.exitCode()).isEqualTo(2);
        assertThat(optimizer.err())
                .startsWith("bp iris: --optimizer momentum(beta=0.9): ")
                .contains("beta");
        assertThat(optimizer.err()).contains("Try 'bp iris --help' for the options.");
        CommandRun init = CommandRun.of("iris", "--init", "xavier-uniform(gain=2)");
        assertThat(init.exitCode()).isEqualTo(2);
        assertThat(init.err()).startsWith("bp iris: --init xavier-uniform(gain=2): ");
        // an unknown name stays bad input: a plug-in may be missing
        assertThat(CommandRun.of("iris", "--optimizer", "adamm").exitCode()).isEqualTo(3);
    }

    @Test
    void learningRate_fromTheSpecOrFromTheOption() {
        // an lr in the spec is used as given; --lr's default does not replace it
        CommandRun spec = CommandRun.of("iris", "--epochs", "1", "--optimizer", "adam(lr=0.01)");
        assertThat(spec.exitCode()).as(spec.err()).isZero();
        assertThat(spec.out()).contains("optimizer adam(lr=0.01)");
        // --lr fills in a spec without lr
        CommandRun option = CommandRun.of("iris", "--epochs", "1", "--optimizer", "adam", "--lr", "0.02");
        assertThat(option.exitCode()).as(option.err()).isZero();
        assertThat(option.out()).contains("optimizer adam(lr=0.02)");
        // both: an error that says the rule, with the help hint
        CommandRun both = CommandRun.of("iris", "--optimizer", "adam(lr=0.01)", "--lr", "0.1");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err())
                .contains("--lr fills in lr only when the spec has none")
                .contains("Try 'bp iris --help'");
    }

    @Test
    void oneEpoch_isSingular_andTheHistoryCountsEpochsFromOne(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("h.csv");
        CommandRun run = CommandRun.of("xor", "--epochs", "1", "--history", csv.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(", 1 epoch, seed ");
        CommandRun three = CommandRun.of("xor", "--epochs", "3", "--history", csv.toString());
        assertThat(three.exitCode()).as(three.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        // the table's rows are epochs 1, 2, 3; so are the CSV's
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(1, 4)).extracting(l -> l.split(",", 0)[0]).containsExactly("1", "2", "3");
        assertThat(three.out()).contains("     1  ", "     3  ");
    }
}
