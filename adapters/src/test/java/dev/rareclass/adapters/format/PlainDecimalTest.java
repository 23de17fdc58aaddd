package dev.rareclass.adapters.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.Tokens;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainDecimalTest {

    @Test
    void agreesWithParseDoubleOnPlainDecimalsAndDeclinesEverythingElse() {
        for (String s : new String[] {"0", "-0", "+1", "1.", ".5", "-0.000001", "123456789012345", "3.14159265358979",
            "0.1", "-2.675", "999999999999999"}) {
            assertThat(Double.doubleToRawLongBits(Tokens.plainDecimal(s))).as(s)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
        }
        for (String s : new String[] {"", ".", "-", "1e5", "1.2.3", "1234567890123456", "0x10", "NaN", "1,5", " 1"}) {
            assertThat(Tokens.plainDecimal(s)).as(s).isNaN();
        }
        Random r = new Random(7);
        int handled = 0;
        for (int i = 0; i < 200_000; i++) {
            String s = String.format(java.util.Locale.ROOT, "%." + r.nextInt(12) + "f", r.nextGaussian() * Math.pow(10, r.nextInt(8)));
            double fast = Tokens.plainDecimal(s);
            if (Double.isNaN(fast)) {
                assertThat(s.replaceAll("[^0-9]", "").length() > 15 || s.length() > 17).as(s).isTrue();
            } else {
                handled++;
                assertThat(fast).as(s).isEqualTo(Double.parseDouble(s));
            }
        }
        assertThat(handled).isGreaterThan(150_000);
    }

    /** The CSV reader's version on characters agrees with the String one on the trimmed field, whatever surrounds it. */
    @Test
    void theCharacterRangeVersionReadsTheTrimmedFieldAsTheStringVersionDoes() {
        Random r = new Random(8);
        String[] fields = {"0", "-0", "+1", "1.", ".5", "-0.000001", "123456789012345", "3.14159265358979", "",
            ".", "-", "1e5", "1.2.3", "1234567890123456", "NaN", "1,5", "true", " 1", "2 ", "\t-3.5\r", "  ",
            "12345678901234567", " 123456789012.345 "};
        for (int i = 0; i < 20_000; i++) {
            String field = i < fields.length ? fields[i]
                    : String.format(java.util.Locale.ROOT, "%." + r.nextInt(12) + "f", r.nextGaussian() * 1e4);
            String around = "x,\"" + field + "\",y";
            char[] chars = around.toCharArray();
            double expected = Tokens.plainDecimal(field.trim());
            assertThat(Double.doubleToRawLongBits(Tokens.plainDecimal(chars, 3, 3 + field.length()))).as(field)
                    .isEqualTo(Double.doubleToRawLongBits(expected));
        }
    }

    /** In a table, what only Java reads as a number is none (NaN), so its column is read as categories. */
    @Test
    void tokensOnlyJavaReadsAsNumbersAreNoneInATable() {
        assertThat(Tokens.parseNumber("0x1p3")).isNaN();
        assertThat(Tokens.parseNumber("1.5d")).isNaN();
        assertThat(Tokens.parseNumber("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Tokens.parseNumber("1e-5")).isEqualTo(1e-5);
    }
}
