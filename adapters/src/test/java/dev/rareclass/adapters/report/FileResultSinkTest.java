package dev.rareclass.adapters.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How {@code resample} writes a number it holds: the float itself, shortest, never in Java's exponent notation. */
class FileResultSinkTest {

    @Test
    void aFloatIsWrittenInItsShortestPlainDecimal() {
        // resample wrote 0 as 0.0, 1577836800 as 1.5778368E9 and 1e-5 as 1.0E-5
        assertThat(FileResultSink.plain(0f)).isEqualTo("0");
        assertThat(FileResultSink.plain(-0f)).isEqualTo("0");
        assertThat(FileResultSink.plain(7f)).isEqualTo("7");
        assertThat(FileResultSink.plain(-42f)).isEqualTo("-42");
        assertThat(FileResultSink.plain(1_577_836_800f)).isEqualTo("1577836800");
        assertThat(FileResultSink.plain(1e-5f)).isEqualTo("0.00001");
        assertThat(FileResultSink.plain(-0.966271712f)).isEqualTo("-0.9662717");
        assertThat(FileResultSink.plain(0.1f)).isEqualTo("0.1");
        assertThat(FileResultSink.plain(3.4028235e38f)).isEqualTo("340282350000000000000000000000000000000");
        assertThat(FileResultSink.plain(1.4e-45f)).isEqualTo("0." + "0".repeat(44) + "14");
        // every one reads back as the very float it was
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 100_000; i++) {
            float f = Float.intBitsToFloat(r.nextInt());
            if (Float.isFinite(f)) {
                assertThat(Float.parseFloat(FileResultSink.plain(f))).isEqualTo(f == 0 ? 0f : f);
            }
        }
    }
}
