package dev.backprop.examples.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli's help with the synopsis and the option descriptions wrapped at spaces only. picocli wraps with the JDK's line breaking, which
 * also breaks after a full stop and before a bracket, so that {@code huber(delta=0.5)} could print as
 * {@code huber(delta=0.} and {@code 5)} on two lines; here a line ends only at a space, and a word longer than the
 * whole column is left to picocli.
 */
final class WholeWordsHelp extends Help {

    /** The factory to give {@link CommandLine#setHelpFactory}. */
    static final CommandLine.IHelpFactory FACTORY = WholeWordsHelp::new;

    private WholeWordsHelp(CommandSpec spec, ColorScheme colorScheme) {
        super(spec, colorScheme);
    }

    @Override
    public Layout createDefaultLayout(
            List<OptionSpec> options, List<PositionalParamSpec> positionals, ColorScheme colorScheme) {
        Layout layout = super.createDefaultLayout(options, positionals, colorScheme);
        return new Layout(
                colorScheme,
                new Table(colorScheme, layout.textTable().columns()),
                createDefaultOptionRenderer(),
                createDefaultParameterRenderer());
    }

    /**
     * The command's name and the synopsis of its options, wrapped at spaces to the usage width: the first line
     * after the heading ({@code Usage: }), the others indented under the first option, as picocli does.
     */
    @Override
    protected String insertSynopsisCommandName(int synopsisHeadingLength, Text optionText) {
        String name = commandSpec().qualifiedName();
        int width = commandSpec().usageMessage().width();
        int indent = Math.min(synopsisHeadingLength + name.length() + 1, (int) (0.9 * width));
        Text full = colorScheme().commandText(name).concat(optionText);
        String plain = full.plainString();
        StringBuilder out = new StringBuilder();
        int start = 0;
        // the last column stays free, as picocli keeps it
        int room = width - synopsisHeadingLength - 1;
        while (plain.length() - start > room) {
            int end = plain.lastIndexOf(' ', start + room);
            if (end <= start) {
                end = plain.indexOf(' ', start + room);
                if (end < 0) {
                    break;
                }
            }
            out.append(full.substring(start, end))
                    .append(System.lineSeparator())
                    .append(" ".repeat(indent));
            start = end + 1;
            room = width - indent - 1;
        }
        return out.append(full.substring(start)).append(System.lineSeparator()).toString();
    }

    /** A text table whose wrapping columns break lines at spaces only. */
    private static final class Table extends TextTable {

        private final ColorScheme colorScheme;

        Table(ColorScheme colorScheme, Column[] columns) {
            super(colorScheme, columns);
            this.colorScheme = colorScheme;
            indentWrappedLines = 2;
        }

        @Override
        public Cell putValue(int row, int col, Text value) {
            Column column = columns()[col];
            if (value == null || column.overflow != Column.Overflow.WRAP) {
                return super.putValue(row, col, value);
            }
            String plain = value.plainString();
            int used = textAt(row, col).plainString().length();
            int indent = Math.max(column.indent, used);
            int start = 0;
            int line = row;
            Cell cell = new Cell(col, row);
            while (start < plain.length()) {
                // room on this line, keeping the last column free as picocli does
                int room = column.width - indent - 1;
                if (room <= 0 || plain.length() - start <= room) {
                    return super.putValue(line, col, indented(value.substring(start), line == row ? 0 : 2));
                }
                int end = plain.lastIndexOf(' ', start + room);
                if (end <= start) {
                    // one word longer than the line: picocli's own breaking
                    return super.putValue(line, col, indented(value.substring(start), line == row ? 0 : 2));
                }
                cell = super.putValue(line, col, indented(value.substring(start, end), line == row ? 0 : 2));
                start = end + 1;
                while (start < plain.length() && plain.charAt(start) == ' ') {
                    start++;
                }
                if (start < plain.length()) {
                    line++;
                    if (line >= rowCount()) {
                        addEmptyRow();
                    }
                    indent = column.indent + indentWrappedLines;
                }
            }
            return cell;
        }

        private Text indented(Text text, int spaces) {
            return spaces == 0 ? text : colorScheme.text(" ".repeat(spaces)).concat(text);
        }
    }
}
