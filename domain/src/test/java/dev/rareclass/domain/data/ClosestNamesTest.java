package dev.rareclass.domain.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestNamesTest {

    static final List<String> COMMANDS = List.of("describe", "train", "evaluate", "predict", "inspect", "serve",
            "explain", "score", "compare", "tune", "run", "resample", "datasets", "demo", "completion", "help");

    @Test
    void aNameThatDiffersOnlyInCaseComesFirst() {
        List<String> columns = List.of("Neo Reference ID", "Name", "hazard", "Hazardous");
        assertThat(ClosestNames.closest("hazardous", columns)).containsExactly("Hazardous");
        assertThat(ClosestNames.closest("NAME", columns)).containsExactly("Name");
        assertThat(ClosestNames.closest(" neo reference id ", columns)).containsExactly("Neo Reference ID");
    }

    @Test
    void otherwiseTheNamesWithTheFewestTypingMistakes() {
        assertThat(ClosestNames.closest("trian", COMMANDS)).containsExactly("train"); // two letters swapped
        assertThat(ClosestNames.closest("tran", COMMANDS)).containsExactly("train");
        assertThat(ClosestNames.closest("evalute", COMMANDS)).containsExactly("evaluate");
        assertThat(ClosestNames.closest("predcit", COMMANDS)).containsExactly("predict");
        assertThat(ClosestNames.closest("descibe", COMMANDS)).containsExactly("describe");
        assertThat(ClosestNames.closest("Hazardus", List.of("Name", "Hazardous"))).containsExactly("Hazardous");
        assertThat(ClosestNames.closest("--lable", List.of("--label", "--positive", "--delimiter")))
                .containsExactly("--label");
        // ties are all given, in their order
        assertThat(ClosestNames.closest("colr", List.of("color", "colour", "cola", "size"))).containsExactly("color",
                "cola");
    }

    @Test
    void farNamesShortNamesAndIndicesGetNoSuggestion() {
        assertThat(ClosestNames.closest("frobnicate", COMMANDS)).isEmpty();
        assertThat(ClosestNames.closest("xyz", COMMANDS)).isEmpty();
        assertThat(ClosestNames.closest("z", List.of("y", "x"))).isEmpty();
        assertThat(ClosestNames.closest("15", List.of("1", "5", "14", "10"))).isEmpty();
    }

    @Test
    void distanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertThat(ClosestNames.distance("abc", "abc", 3)).isZero();
        assertThat(ClosestNames.distance("abc", "acb", 3)).isEqualTo(1);
        assertThat(ClosestNames.distance("abc", "abcd", 3)).isEqualTo(1);
        assertThat(ClosestNames.distance("kitten", "sitting", 3)).isEqualTo(3);
        assertThat(ClosestNames.distance("kitten", "sitting", 2)).isEqualTo(3); // bounded
        assertThat(ClosestNames.distance("a", "abcdef", 2)).isEqualTo(3);
    }

    @Test
    void suggestionsReadAsASentence() {
        assertThat(ClosestNames.quoted(List.of("a"))).isEqualTo("'a'");
        assertThat(ClosestNames.quoted(List.of("a", "b"))).isEqualTo("'a' or 'b'");
        assertThat(ClosestNames.quoted(List.of("a", "b", "c"))).isEqualTo("'a', 'b' or 'c'");
    }
}
