package dev.rareclass.domain.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PositiveValuesTest {

    @Test
    void oneValueMatchesItsTextAndTheSameNumber() {
        PositiveValues p = PositiveValues.parse(" 1 ");
        assertThat(p.values()).containsExactly("1");
        assertThat(p.test("1")).isTrue();
        assertThat(p.test("+1")).isTrue();
        assertThat(p.test("1.0")).isTrue();
        assertThat(p.test("-1")).isFalse();
        assertThat(p.test("10")).isFalse();
        assertThat(p.test("one")).isFalse();
    }

    @Test
    void commaSeparatedValuesEachMatch() {
        PositiveValues p = PositiveValues.parse("3, 4");
        assertThat(p.values()).containsExactly("3", "4");
        assertThat(List.of("3", "4", " 4 ", "4.0").stream().allMatch(p)).isTrue();
        assertThat(List.of("5", "34", "3,4x").stream().noneMatch(p)).isTrue();
    }

    @Test
    void aLabelThatContainsACommaStillMatchesAsAWhole() {
        PositiveValues p = PositiveValues.parse("a,b");
        assertThat(p.test("a,b")).isTrue();
        assertThat(p.test("a")).isTrue();
        assertThat(p.test("c")).isFalse();
    }

    @Test
    void theNegativeClassIsNamedFromTheValuesThatAreNotPositive() {
        assertThat(LabelMapping.fromValues("q", "3,4", List.of("3", "4", "5")).negativeValue()).isEqualTo("5");
        assertThat(LabelMapping.fromValues("q", "3,4", List.of("3", "5", "6")).negativeValue()).isEqualTo("not 3,4");
        // a label value that reads as the positive list itself is not positive, but cannot name the negatives
        assertThat(LabelMapping.fromValues("q", "3,4", List.of("3", "3,4")).negativeValue()).isEqualTo("not 3,4");
        assertThatThrownBy(() -> new LabelMapping("q", "yes", "yes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label 'q' names both classes 'yes'");
    }
}
