package dev.rareclass.domain.data;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a text column holds dates or times, such as {@code 2017-04-06 08:36:37}, {@code 5/1/99 0:00},
 * {@code 06-Apr-2017} or {@code 14:05}. rareclass reads such a column as categories, one per distinct moment, as
 * pandas reads it as strings: a model can then only memorise moments that will not come again. The readers say so,
 * and tell the user to leave the column out, where they would otherwise call it an ID or free text (a date with a
 * time holds a space, as words do). Only the look is judged, not whether a month has that many days.
 */
public final class DateTimes {

    private static final String MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";

    private static final String DATE = "(?:\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}" // 2017-04-06, 2017/4/6
            + "|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}" // 5/1/99, 06.04.2017
            + "|\\d{1,2}[- ]" + MONTH + "[- ]\\d{2,4}" // 06-Apr-2017, 6 April 2017
            + "|" + MONTH + " \\d{1,2},? \\d{4}" // Apr 6, 2017
            + "|\\d{4}-" + MONTH + "-\\d{1,2})"; // 2017-Apr-06

    private static final String TIME = "\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?: ?[ap]\\.?m\\.?)?"
            + "(?: ?(?:z|utc|gmt|[+-]\\d{2}:?\\d{2}))?";

    private static final Pattern DATE_OR_TIME = Pattern.compile(
            "(?:" + DATE + "(?:(?:[ t]|, )" + TIME + ")?|" + TIME + ")", Pattern.CASE_INSENSITIVE);

    /** Values longer than this are no date or time (and are not matched against the pattern). */
    private static final int LONGEST = 40;

    /** Distinct values looked at: the first ones decide, as the first value decides a column's type. */
    static final int LOOKED_AT = 1_000;

    private DateTimes() {
    }

    /** Whether the value, white space around it ignored, is written as a date, a time, or a date and a time. */
    public static boolean looksLikeDateOrTime(String value) {
        String v = value.strip();
        return !v.isEmpty() && v.length() <= LONGEST && DATE_OR_TIME.matcher(v).matches();
    }

    /**
     * When a column's distinct values are dates or times (at least 90% of the first {@value #LOOKED_AT}, so that a
     * stray word such as "unknown" does not hide them), the first of them, stripped, to show as an example; otherwise
     * empty.
     */
    public static Optional<String> example(List<String> levels) {
        int looked = Math.min(levels.size(), LOOKED_AT);
        int dates = 0;
        String first = null;
        for (int i = 0; i < looked; i++) {
            if (looksLikeDateOrTime(levels.get(i))) {
                dates++;
                first = first == null ? levels.get(i).strip() : first;
            }
        }
        return looked > 0 && dates * 10 >= looked * 9 ? Optional.of(first) : Optional.empty();
    }
}
