package dev.backprop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.examples.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output paths checked before any training, writes that replace only regular files, strict and bounded
 * options, out of memory and divergence as one line with their own exit codes.
 */
class SafeOutputsAndOptionsTest {

    @TempDir
    Path dir;

    /** Checks that the run printed no epoch: the check came before training. */
    private static void assertNotTrained(CommandRun run) {
        assertThat(run.out()).doesNotContain("epoch");
        assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("\tat ");
    }

    @Test
    void plotOntoADirectory_isRefusedBeforeTraining_withExitThree() throws IOException {
        Path out = Files.createDirectory(dir.resolve("out"));

        CommandRun run = CommandRun.of(
                "iris", "--plot", out.toString(), "--save", out.resolve("m.bp").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(BpCommand.BAD_INPUT);
        assertThat(run.err().strip())
                .isEqualTo("bp iris: --plot " + out + ": Cannot save to " + out + ": it is a directory, and bp"
                        + " replaces only regular files. Choose another path.");
        assertNotTrained(run);
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void saveIntoAMissingFolder_isRefused_unlessCreateDirsIsGiven() {
        Path model = dir.resolve("a").resolve("b").resolve("m.bp");

        CommandRun refused = CommandRun.of("iris", "--epochs", "1", "--save", model.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(BpCommand.BAD_INPUT);
        assertThat(refused.err()).contains("the folder " + model.getParent() + " does not exist");
        assertThat(dir.resolve("a")).doesNotExist();
        assertNotTrained(refused);

        CommandRun created = CommandRun.of("iris", "--epochs", "1", "--save", model.toString(), "--create-dirs");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(model).isRegularFile();
    }

    @Test
    void saveOverASymbolicLink_isRefused_andTheLinkedFileStays() throws IOException {
        Path kept = Files.writeString(dir.resolve("kept.txt"), "mine");
        Path link = Files.createSymbolicLink(dir.resolve("m.bp"), kept);

        CommandRun run = CommandRun.of("iris", "--epochs", "1", "--save", link.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(BpCommand.BAD_INPUT);
        assertThat(run.err()).contains("it is a symbolic link");
        assertThat(Files.readString(kept)).isEqualTo("mine");
        assertNotTrained(run);
    }

    @Test
    void historyToADevice_isRefusedWithoutWritingToIt() {
        // /dev/null is only looked at: the check refuses it before anything could be written
        Path device = Path.of("/dev/null");
        Assumptions.assumeTrue(Files.exists(device));

        CommandRun run = CommandRun.of("iris", "--epochs", "1", "--history", device.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(BpCommand.BAD_INPUT);
        assertThat(run.err()).contains("it is a device or other special file");
        assertNotTrained(run);
    }

    @Test
    void plotExtension_choosesTheFormat_andAnUnknownOneIsRefused() throws IOException {
        Path jpg = dir.resolve("chart.jpg");
        CommandRun run = CommandRun.of("iris", "--epochs", "2", "--plot", jpg.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        byte[] bytes = Files.readAllBytes(jpg);
        // a JPEG starts with the SOI marker FF D8 (JFIF), a PNG with 89 50 4E 47
        assertThat(bytes[0] & 0xff).isEqualTo(0xFF);
        assertThat(bytes[1] & 0xff).isEqualTo(0xD8);

        CommandRun txt =
                CommandRun.of("iris", "--plot", dir.resolve("chart.txt").toString());
        assertThat(txt.exitCode()).isEqualTo(BpCommand.BAD_INPUT);
        assertThat(txt.err()).contains("must end in .png, .jpg, .jpeg, .bmp, .gif");
        assertNotTrained(txt);
    }

    @Test
    void hiddenComma_isRefusedNamingTheOption() {
        CommandRun run = CommandRun.of("xor", "--hidden", ",");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("bp xor: --hidden takes positive layer sizes");
    }

    @Test
    void hugeSizes_nameTheOption() {
        CommandRun repeat = CommandRun.of("xor", "--repeat", "2147483647");
        // 2^31 - 1 over 8 values per repeat (4 points × 2 inputs) = 268435455
        assertThat(repeat.exitCode()).isEqualTo(2);
        assertThat(repeat.err()).startsWith("bp xor: --repeat must be at most 268435455");

        CommandRun hidden = CommandRun.of("xor", "--hidden", "46341,46341");
        // 46341² = 2147488281 (python3: 46341**2), just over 2^31 - 1
        assertThat(hidden.exitCode()).isEqualTo(2);
        assertThat(hidden.err())
                .startsWith("bp xor: --hidden 46341,46341: layers of 46341 and 46341 need a weight matrix of"
                        + " 2147488281 values");
    }

    @Test
    void numbers_followTheStrictGrammar_namingTheOption() {
        CommandRun arabic = CommandRun.of("iris", "--epochs", "\u0661\u0660");
        assertThat(arabic.exitCode()).isEqualTo(2);
        assertThat(arabic.err()).startsWith("bp iris: Invalid value for option '--epochs'");

        CommandRun suffix = CommandRun.of("iris", "--lr", "1d");
        assertThat(suffix.exitCode()).isEqualTo(2);
        assertThat(suffix.err()).startsWith("bp iris: Invalid value for option '--lr'");

        CommandRun hex = CommandRun.of("iris", "--lr", "0x1p-3");
        assertThat(hex.exitCode()).isEqualTo(2);

        CommandRun comma = CommandRun.of("iris", "--optimizer", "adam(lr=0.001,)");
        // a spec the option cannot use is a bad option, like any other
        assertThat(comma.exitCode()).isEqualTo(2);
        assertThat(comma.err())
                .contains("--optimizer adam(lr=0.001,): ")
                .contains("parameter 2 is empty (a trailing comma?)")
                .contains("Try 'bp iris --help'");
    }

    @Test
    void outOfMemory_endsInOneLineNamingTheSizesAndTheFix() {
        // 46000² doubles = 16.9 GB in one array: refused at once by any heap smaller than that
        Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() < 16L << 30);

        CommandRun run = CommandRun.of("xor", "--hidden", "46000,46000", "--epochs", "1");

        assertThat(run.exitCode())
                .as(run.toString())
                .isEqualTo(Main.OUT_OF_MEMORY)
                .isEqualTo(4);
        assertThat(run.err().strip())
                .startsWith("bp xor: out of memory")
                .contains("--hidden 46000,46000")
                .contains("BP_JAVA_OPTS=-Xmx")
                .doesNotContain("\n");
    }

    @Test
    void saturatedTraining_isCaughtByTheDivergenceRule_withExitOne() {
        CommandRun run = CommandRun.of(
                "mnist",
                "--lr",
                "1e6",
                "--epochs",
                "2",
                "--save",
                dir.resolve("m.bp").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(BpCommand.CHECK_FAILED);
        // 3 × ln 10 = 6.90776 (python3: 3*math.log(10))
        assertThat(run.err().strip())
                .startsWith("bp mnist: Training diverged at epoch 1: train.loss = ")
                .contains("is more than 3 × ln 10 = 6.90776");
        assertThat(dir.resolve("m.bp")).doesNotExist();
    }

    @Test
    void divergenceCheck_canBeTurnedOff_andTheSaturatedRunThenEndsNormally() {
        String[] run = {"mnist", "--lr", "1e6", "--epochs", "2", "--train-limit", "500", "--test-limit", "100", "--json"
        };
        CommandRun watched = CommandRun.of(run);
        assertThat(watched.exitCode()).as(watched.toString()).isEqualTo(BpCommand.CHECK_FAILED);

        String[] unwatched = java.util.Arrays.copyOf(run, run.length + 1);
        unwatched[run.length] = "--no-divergence-check";
        CommandRun free = CommandRun.of(unwatched);
        assertThat(free.exitCode()).as(free.toString()).isZero();
        assertThat(free.number("epochs")).isEqualTo(2.0);
    }
}
