package dev.rareclass.domain.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.threshold.ThresholdPolicies;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    /**
     * Numbers as tables write them are numbers; what only Java reads as one is not (pandas reads {@code 0x1p3},
     * {@code 1.5d} and {@code 2f} as text, so a column of them is categorical there and here).
     */
    @Test
    void readsTheNumbersPeopleWriteAndNothingOnlyJavaReads() {
        for (String s : new String[] {"0", "-0", "+1", "1.", ".5", "-.5", "1e5", "1E+05", "-2.5e-3", " 7 ", "\t8\r",
            "12345678901234567890", "1e400"}) {
            assertThat(Decimals.parse(s)).as(s).isEqualTo(Double.parseDouble(s));
        }
        assertThat(Decimals.parse("inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Decimals.parse("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Decimals.parse("+INF")).isEqualTo(Double.POSITIVE_INFINITY);
        for (String s : ONLY_JAVA) {
            assertThatThrownBy(() -> Decimals.parse(s)).as(s).isInstanceOf(NumberFormatException.class);
        }
        for (String s : new String[] {"", " ", ".", "-", "+", "e5", "1e", "1e+", "1.2.3", "1 000", "1_000", "--1",
            "1e5.5", "infinit", "Infinityy"}) {
            assertThatThrownBy(() -> Decimals.parse(s)).as(s).isInstanceOf(NumberFormatException.class);
        }
    }

    /** {@link Decimals#isFinite}: what {@code parse} reads as a finite number, without an exception for the rest. */
    @Test
    void isFiniteAgreesWithParse() {
        for (String s : new String[] {"0", "-0", "+1", "1.", ".5", " 7 ", "-2.5e-3", "1e308"}) {
            assertThat(Decimals.isFinite(s)).as(s).isTrue();
            assertThat(Double.isFinite(Decimals.parse(s))).as(s).isTrue();
        }
        for (String s : new String[] {"inf", "-Infinity", "1e400"}) { // numbers, not finite ones
            assertThat(Decimals.isFinite(s)).as(s).isFalse();
            assertThat(Decimals.parse(s)).as(s).isInfinite();
        }
        for (String s : new String[] {"", " ", ".", "-", "1e", "1.2.3", "1_000", "0x10", "1.5d", "NaN", "g"}) {
            assertThat(Decimals.isFinite(s)).as(s).isFalse();
            assertThatThrownBy(() -> Decimals.parse(s)).as(s).isInstanceOf(NumberFormatException.class);
        }
    }

    /** {@link Decimals#PATTERN}, the rule in SQL's terms, reads a number exactly where {@code parse} does. */
    @Test
    void thePatternMatchesExactlyTheTokensParseReads() {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(Decimals.PATTERN);
        java.util.List<String> tokens = new java.util.ArrayList<>(java.util.List.of("0", "-0", "+1", "1.", ".5", "-.5",
                "1e5", "1E+05", "-2.5e-3", "12345678901234567890", "1e400", "inf", "-Infinity", "+INF", "iNf", ".",
                "-", "+", "e5", "1e", "1e+", "1.2.3", "1 000", "1_000", "--1", "1e5.5", "infinit", "Infinityy", "+-1",
                "-+inf", "abc", "?", "NA", "true", "1,5", "١٠"));
        tokens.addAll(java.util.List.of(ONLY_JAVA));
        for (String t : tokens) {
            boolean parses;
            try {
                Decimals.parse(t);
                parses = true;
            } catch (NumberFormatException e) {
                parses = false;
            }
            assertThat(p.matcher(t).matches()).as(t).isEqualTo(parses);
        }
    }

    private static final String[] ONLY_JAVA = {"0x1p3", "0x10", "1.5d", "2f", "3D", "4F", "NaN", "-NaN"};

    /**
     * The same rule wherever a user writes a number: a model parameter, a class weight, a threshold policy, a label
     * value (which "1.0" and "1" both spell) all refuse what only Java reads as one, naming it.
     */
    @Test
    void everyNumberAUserWritesFollowsIt() {
        Labels labels = Labels.of(1, 0, 0, 1);
        for (String s : ONLY_JAVA) {
            assertThatThrownBy(() -> Hyperparameters.of(Map.of("learning-rate", s)).decimal("learning-rate", 0.1, 0, 1))
                    .as(s).isInstanceOf(UsageException.class)
                    .hasMessage("parameter learning-rate=" + s + " is not a number");
            assertThatThrownBy(() -> ClassWeights.parse(s + ":1", labels)).as(s).isInstanceOf(UsageException.class)
                    .hasMessageContaining("'" + s + "' is not a number");
            // a policy is read in lower case
            assertThatThrownBy(() -> ThresholdPolicies.parse("recall>=" + s)).as(s).isInstanceOf(UsageException.class)
                    .hasMessageContaining("'" + s.toLowerCase(java.util.Locale.ROOT) + "' is not a number");
        }
        assertThat(Hyperparameters.of(Map.of("learning-rate", " 5e-2 ")).decimal("learning-rate", 0.1, 0, 1))
                .isEqualTo(0.05);
        assertThat(ClassWeights.parse("10:1", labels).positive()).isEqualTo(10);
        assertThat(ThresholdPolicies.parse("recall>=.8").spec()).isEqualTo(ThresholdPolicies.parse("recall>=0.8").spec());
        assertThatThrownBy(() -> ThresholdPolicies.parse("recall>=inf")).hasMessageContaining("'inf' is not a finite number");
        assertThat(PositiveValues.parse("1").test("1.0")).isTrue();
        assertThat(PositiveValues.parse("1").test("0x1")).isFalse();
        assertThat(PositiveValues.parse("1").test("1d")).isFalse();
    }

    /** Whole numbers: ASCII digits with an optional sign, as a table's numbers; Java's parseInt read other scripts'. */
    @Test
    void wholeNumbersTakeAsciiDigitsOnly() {
        assertThat(Decimals.parseInt(" 42 ")).isEqualTo(42);
        assertThat(Decimals.parseInt("+7")).isEqualTo(7);
        assertThat(Decimals.parseLong("-9000000000")).isEqualTo(-9_000_000_000L);
        for (String bad : new String[] {"\u0661\u0660", "\uff11\uff10", "1_000", "0x10", "1.0", "1e3", "", "+", "-",
                "2147483648", "99999999999999999999"}) {
            assertThatThrownBy(() -> Decimals.parseInt(bad)).as(bad)
                    .isInstanceOf(NumberFormatException.class);
        }
    }
}
