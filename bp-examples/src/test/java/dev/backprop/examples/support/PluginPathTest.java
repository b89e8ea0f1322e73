package dev.backprop.examples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which jars and folders the plug-in path holds, from the option, the variable and the folder. */
class PluginPathTest {

    @TempDir
    Path dir;

    private Path file(String name) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.write(p, new byte[0]);
    }

    @Test
    void entries_comeFromOptionThenVariableThenFolder_inOrder_eachOnce() throws IOException {
        Path a = file("a.jar");
        Path b = file("b.jar");
        Path folder = Files.createDirectories(dir.resolve("plugins"));
        Path d = file("plugins/d.jar");
        Path c = file("plugins/c.jar");
        file("plugins/notes.txt");

        PluginPath path = PluginPath.of(List.of(a + File.pathSeparator + b), a.toString(), folder);

        // a given twice counts once; the folder's jars sorted by name; other files ignored
        assertThat(path.entries()).containsExactly(a, b, c, d);
    }

    @Test
    void folderGivenAsAnEntry_contributesItsJars_orIsAClassFolderWhenItHasNone() throws IOException {
        Path jars = Files.createDirectories(dir.resolve("jars"));
        Path jar = file("jars/x.jar");
        Path classes = Files.createDirectories(dir.resolve("classes/META-INF")).getParent();

        PluginPath path = PluginPath.of(List.of(jars.toString(), classes.toString()), null, null);

        assertThat(path.entries()).containsExactly(jar, classes);
    }

    @Test
    void missingEntry_namesItsSource() {
        assertThatThrownBy(() -> PluginPath.of(List.of("nope.jar"), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--plugin-path names nope.jar, which does not exist");
        assertThatThrownBy(() -> PluginPath.of(List.of(), "gone.jar", null))
                .hasMessage("BP_PLUGIN_PATH names gone.jar, which does not exist");
    }

    @Test
    void missingFolder_andEmptyParts_giveNoEntries() {
        PluginPath path = PluginPath.of(List.of(File.pathSeparator), "", dir.resolve("absent"));

        assertThat(path.entries()).isEmpty();
    }
}
