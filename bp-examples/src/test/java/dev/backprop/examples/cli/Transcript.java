package dev.backprop.examples.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The command lines shown in a Markdown document and the output shown under each, as the documentation test reads
 * them.
 *
 * <p>Only fenced code blocks count. In a block, a line starting with {@code $ } is a command, and the lines under it
 * up to the next command are its output excerpt; in a block without any {@code $ } line, each line starting with
 * {@code ./bp } is a command whose output is not shown (a trailing {@code # comment} is dropped). A block directly
 * under the line {@code <!-- docs-test: not run ... -->} is left out, with the reason given in that comment.
 */
final class Transcript {

    /** The marker of a block the test does not run. */
    static final String NOT_RUN = "<!-- docs-test: not run";

    /**
     * One command of a document.
     *
     * @param line      the command as shown, without the {@code $ } prompt
     * @param lineIndex the index of the command's line in the document (from 0)
     * @param excerpt   the output lines shown under it; empty for a command shown without output
     * @param shown     whether the document shows output for it (a {@code $ } command)
     */
    record Entry(String line, int lineIndex, List<String> excerpt, boolean shown) {

        /** The index of the first line of the excerpt in the document. */
        int excerptStart() {
            return lineIndex + 1;
        }
    }

    private Transcript() {}

    /** The commands of a document, in order. */
    static List<Entry> parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (!isFence(lines.get(i))) {
                i++;
                continue;
            }
            boolean skipped = i > 0 && lines.get(i - 1).strip().startsWith(NOT_RUN);
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !isFence(lines.get(end))) {
                end++;
            }
            if (!skipped) {
                entries.addAll(block(lines, start, end));
            }
            i = end + 1;
        }
        return entries;
    }

    private static List<Entry> block(List<String> lines, int start, int end) {
        List<Entry> entries = new ArrayList<>();
        boolean prompts = lines.subList(start, end).stream().anyMatch(l -> l.startsWith("$ "));
        if (!prompts) {
            for (int i = start; i < end; i++) {
                String line = lines.get(i);
                if (line.startsWith("./bp ")) {
                    int comment = line.indexOf(" #");
                    String command = (comment >= 0 ? line.substring(0, comment) : line).strip();
                    entries.add(new Entry(command, i, List.of(), false));
                }
            }
            return entries;
        }
        int i = start;
        while (i < end) {
            if (!lines.get(i).startsWith("$ ")) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < end && !lines.get(j).startsWith("$ ")) {
                j++;
            }
            int last = j;
            while (last > i + 1 && lines.get(last - 1).isBlank()) {
                last--;
            }
            entries.add(new Entry(lines.get(i).substring(2).strip(), i, List.copyOf(lines.subList(i + 1, last)), true));
            i = j;
        }
        return entries;
    }

    private static boolean isFence(String line) {
        return line.startsWith("```");
    }

    /**
     * Splits a command line as a POSIX shell does for the quoting the documents use: words separated by spaces,
     * single quotes taken literally, double quotes with {@code \"} and {@code \\}.
     */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length() && "\"\\$".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == ' ') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("Unclosed quote in the command line: " + line);
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
