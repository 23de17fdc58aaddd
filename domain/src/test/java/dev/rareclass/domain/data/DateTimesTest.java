package dev.rareclass.domain.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateTimesTest {

    @Test
    void datesAndTimesAsTablesWriteThemAreRecognised() {
        // processminer's time column, nasa.csv's two dates, and the usual spellings of spreadsheets and logs
        for (String v : List.of("5/1/99 0:00", "2017-04-06 08:36:37", "1995-01-01", "2017/4/6", "06.04.2017",
                "06-Apr-2017", "6 April 2017", "Apr 6, 2017", "2017-Apr-06", "2017-04-06T08:36:37Z",
                "2017-04-06T08:36:37.123+02:00", "2017-04-06 08:36", "14:05", "2:05 PM", "2:05:59 a.m.",
                " 2017-04-06 ", "12/31/2020, 11:59 pm", "2017-04-06 08:36:37 UTC")) {
            assertThat(DateTimes.looksLikeDateOrTime(v)).as(v).isTrue();
        }
    }

    @Test
    void numbersWordsAndCodesAreNot() {
        for (String v : List.of("", " ", "1995", "20170406", "1.5", "-3", "1e5", "red", "the parcel came late",
                "J2000", "A-12-B", "12-34", "1:2", "v1.2.3", "2017-04-06 and more", "10:30 on Monday",
                "May", "may be", "2017-04-06".repeat(5), "192.168.1.1", "555-1234", "+1 555 123 4567")) {
            assertThat(DateTimes.looksLikeDateOrTime(v)).as(v).isFalse();
        }
    }

    @Test
    void aColumnHoldsDatesWhenNineInTenOfItsFirstThousandLevelsLookLikeThem() {
        List<String> levels = new ArrayList<>();
        for (int d = 0; d < 18; d++) {
            levels.add("2017-04-" + (d + 10));
        }
        levels.add("unknown");
        levels.add("later");
        assertThat(DateTimes.example(levels)).contains("2017-04-10"); // 18 of 20
        levels.add("never");
        assertThat(DateTimes.example(levels)).isEmpty(); // 18 of 21
        assertThat(DateTimes.example(List.of())).isEmpty();
        assertThat(DateTimes.example(List.of("n/a", " 14:05"))).isEmpty(); // 1 of 2
        assertThat(DateTimes.example(List.of(" 14:05"))).contains("14:05");
        // only the first thousand are looked at: a column whose later levels are words still holds dates
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            many.add("1/" + (1 + i % 28) + "/" + (1900 + i / 28));
        }
        for (int i = 0; i < 5_000; i++) {
            many.add("word" + i);
        }
        assertThat(DateTimes.example(many)).contains("1/1/1900");
    }
}
