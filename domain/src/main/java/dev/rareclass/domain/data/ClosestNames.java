package dev.rareclass.domain.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean": the names closest to one a user mistyped (a column, a command, an option). A name equal but for
 * case (or surrounding blanks) is the answer when there is one; otherwise the names within a few edits
 * (insertions, deletions, substitutions and swaps of two neighbouring characters, ignoring case), the fewest
 * first: one edit for names of up to 5 characters, two up to 8, three beyond. Nothing is suggested for names of
 * one or two characters or for numbers (a 0-based column index), whose neighbours are arbitrary.
 */
public final class ClosestNames {

    /** At most this many suggestions. */
    public static final int MOST = 3;

    private ClosestNames() {
    }

    /** The closest names, best first (in their given order among equals); empty when none is close. */
    public static List<String> closest(String typed, Collection<String> names) {
        String t = typed.trim().toLowerCase(Locale.ROOT);
        List<String> sameButCase = new ArrayList<>();
        for (String n : names) {
            if (n.trim().toLowerCase(Locale.ROOT).equals(t) && !n.equals(typed)) {
                sameButCase.add(n);
            }
        }
        if (!sameButCase.isEmpty()) {
            return sameButCase.size() > MOST ? sameButCase.subList(0, MOST) : sameButCase;
        }
        int limit = limit(t);
        if (limit == 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int d = 1; d <= limit && out.isEmpty(); d++) {
            for (String n : names) {
                if (distance(t, n.trim().toLowerCase(Locale.ROOT), d) == d && out.size() < MOST) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** "'a'", "'a' or 'b'", "'a', 'b' or 'c'": suggestions for a message. */
    public static String quoted(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            sb.append(i == 0 ? "" : i == names.size() - 1 ? " or " : ", ").append('\'').append(names.get(i)).append('\'');
        }
        return sb.toString();
    }

    private static int limit(String typed) {
        int n = typed.length();
        if (n <= 2 || typed.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        return n <= 5 ? 1 : n <= 8 ? 2 : 3;
    }

    /**
     * The optimal-string-alignment distance between {@code a} and {@code b} (edits as the class says, each
     * character edited at most once), or {@code bound + 1} as soon as it is known to exceed {@code bound}.
     */
    static int distance(String a, String b, int bound) {
        if (Math.abs(a.length() - b.length()) > bound) {
            return bound + 1;
        }
        int[] before = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > bound) {
                return bound + 1;
            }
            int[] spare = before;
            before = previous;
            previous = current;
            current = spare;
        }
        return Math.min(previous[b.length()], bound + 1);
    }
}
