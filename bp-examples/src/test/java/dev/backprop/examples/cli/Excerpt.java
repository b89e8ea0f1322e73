package dev.backprop.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How an output excerpt of the documentation is compared with what the program printed, and rewritten from it.
 *
 * <ul>
 *   <li>A line {@code ...} stands for any number of lines (none included); {@code ...} inside a line stands for any
 *       text.
 *   <li>Timing figures are not compared: the number in {@code "seconds":}, {@code "samples_per_second":} and
 *       {@code "ms_per_step":}, and before {@code  s}, {@code  samples/s} and {@code  ms per step}.
 *   <li>Trailing spaces are ignored.
 *   <li>Where the run's Java version is not the one the excerpts were printed with, every number is compared by its
 *       form only (where it stands, its sign and point), since the last digits differ between Java versions.
 * </ul>
 */
final class Excerpt {

    /** An elided stretch of lines, or of text within a line. */
    static final String ELISION = "...";

    private static final Pattern TIMING_JSON =
            Pattern.compile("(\"(?:seconds|samples_per_second|ms_per_step)\":)-?[0-9][0-9.eE+-]*");
    private static final Pattern TIMING_TEXT = Pattern.compile("\\b[0-9][0-9.]*( s\\b| samples/s| ms per step)");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");

    private final boolean sameJava;

    /** @param sameJava whether this Java version printed the excerpts, so numbers must agree to the last digit */
    Excerpt(boolean sameJava) {
        this.sameJava = sameJava;
    }

    /** The line as it is compared. */
    String normalise(String line) {
        String s = line.stripTrailing();
        s = TIMING_JSON.matcher(s).replaceAll("$1#");
        s = TIMING_TEXT.matcher(s).replaceAll("#$1");
        if (!sameJava) {
            s = NUMBER.matcher(s).replaceAll("0");
        }
        return s;
    }

    /** Whether the printed lines match the excerpt. */
    boolean matches(List<String> excerpt, List<String> printed) {
        return matchFrom(norm(excerpt), 0, norm(printed), 0);
    }

    private List<String> norm(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            out.add(line.strip().equals(ELISION) ? ELISION : normalise(line));
        }
        return out;
    }

    private static boolean matchFrom(List<String> excerpt, int e, List<String> printed, int p) {
        if (e == excerpt.size()) {
            return p == printed.size();
        }
        if (excerpt.get(e).equals(ELISION)) {
            for (int q = p; q <= printed.size(); q++) {
                if (matchFrom(excerpt, e + 1, printed, q)) {
                    return true;
                }
            }
            return false;
        }
        return p < printed.size()
                && lineMatches(excerpt.get(e), printed.get(p))
                && matchFrom(excerpt, e + 1, printed, p + 1);
    }

    /** Whether a printed line matches an excerpt line, where {@code ...} in the excerpt stands for any text. */
    static boolean lineMatches(String excerptLine, String printedLine) {
        if (!excerptLine.contains(ELISION)) {
            return excerptLine.equals(printedLine);
        }
        StringBuilder regex = new StringBuilder();
        String[] parts = excerptLine.split(Pattern.quote(ELISION), -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL)
                .matcher(printedLine)
                .matches();
    }

    /**
     * The excerpt rewritten from what the program printed, keeping its elisions: a part before the first
     * {@code ...} line takes the first printed lines, a part after the last takes the last ones, and a part between
     * two takes the printed lines, after the previous part, that look most like it (the same words apart from
     * spacing, the same layout of text and numbers, the same first word). Trailing spaces are dropped. A line of
     * the excerpt is kept where it still matches, so its timings and elisions within the line stay as they were.
     */
    List<String> rewrite(List<String> excerpt, List<String> printed) {
        List<List<String>> parts = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : excerpt) {
            if (line.strip().equals(ELISION)) {
                parts.add(current);
                current = new ArrayList<>();
            } else {
                current.add(line);
            }
        }
        parts.add(current);
        if (parts.size() == 1) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < printed.size(); i++) {
                out.add(keepOrReplace(i < excerpt.size() ? excerpt.get(i) : null, printed.get(i)));
            }
            return out;
        }
        List<String> out = new ArrayList<>();
        int cursor = 0;
        for (int k = 0; k < parts.size(); k++) {
            List<String> part = parts.get(k);
            if (k > 0) {
                out.add(ELISION);
            }
            if (part.isEmpty()) {
                continue;
            }
            int at;
            if (k == 0) {
                at = 0;
            } else if (k == parts.size() - 1) {
                at = Math.max(cursor, printed.size() - part.size());
            } else {
                at = bestPlace(part, printed, cursor, printed.size() - remaining(parts, k + 1));
            }
            for (int i = 0; i < part.size() && at + i < printed.size(); i++) {
                out.add(keepOrReplace(part.get(i), printed.get(at + i)));
            }
            cursor = Math.min(printed.size(), at + part.size());
        }
        return out;
    }

    /** The excerpt's line where it still matches (keeping its timings and elisions), else the printed one. */
    private String keepOrReplace(String old, String now) {
        return old != null && lineMatches(normalise(old), normalise(now)) ? old : now.stripTrailing();
    }

    private static int remaining(List<List<String>> parts, int from) {
        int n = 0;
        for (int k = from; k < parts.size(); k++) {
            n += parts.get(k).size();
        }
        return n;
    }

    private static int bestPlace(List<String> part, List<String> printed, int from, int limit) {
        int best = from;
        int bestScore = -1;
        for (int at = from; at + part.size() <= Math.max(from + part.size(), limit); at++) {
            int score = 0;
            for (int i = 0; i < part.size() && at + i < printed.size(); i++) {
                score += likeness(part.get(i), printed.get(at + i));
            }
            if (score > bestScore) {
                bestScore = score;
                best = at;
            }
        }
        return best;
    }

    private static int likeness(String a, String b) {
        int score = 0;
        if (a.strip().replaceAll("\\s+", " ").equals(b.strip().replaceAll("\\s+", " "))) {
            score += 3;
        }
        if (NUMBER.matcher(a).replaceAll("0").equals(NUMBER.matcher(b).replaceAll("0"))) {
            score += 2;
        }
        String[] wa = a.strip().split("\\s+", 2);
        String[] wb = b.strip().split("\\s+", 2);
        if (wa[0].equals(wb[0])) {
            score += 1;
        }
        return score;
    }
}
