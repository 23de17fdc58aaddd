package dev.rareclass.domain.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.preprocess.MissingPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadingOptionsTest {

    private static final DataOptions TRAINED = new DataOptions(Path.of("train.txt"), Optional.of("csv"), false,
            Optional.of(';'), Optional.of("5"), Optional.of("yes"), List.of("0", "4"), List.of("3"), List.of(),
            MissingPolicy.MEDIAN, 0);

    @Test
    void whatAModelRemembersIsEveryPartOfHowItsFileWasRead() {
        ReadingOptions r = ReadingOptions.of(TRAINED);
        DataOptions fresh = DataOptions.labelled(Path.of("fresh.txt"), "5", "yes");
        DataOptions read = r.applyTo(fresh);
        assertThat(read.file()).isEqualTo(Path.of("fresh.txt"));
        assertThat(read.format()).contains("csv");
        assertThat(read.header()).isFalse();
        assertThat(read.delimiter()).contains(';');
        assertThat(read.drop()).containsExactly("0", "4");
        assertThat(read.categorical()).containsExactly("3");
        assertThat(read.missing()).isEqualTo(MissingPolicy.MEDIAN);
        assertThat(read.label()).contains("5");
    }

    @Test
    void optionsGivenWinPartByPartAndNothingGivenChangesNothing() {
        ReadingOptions given = new ReadingOptions(Optional.empty(), Optional.empty(), Optional.of(','),
                Optional.of(List.of()), Optional.empty(), Optional.empty(), Optional.of(MissingPolicy.ERROR));
        DataOptions read = given.over(ReadingOptions.of(TRAINED)).applyTo(DataOptions.labelled(Path.of("f"), "5", "yes"));
        assertThat(read.delimiter()).contains(',');
        assertThat(read.drop()).isEmpty();
        assertThat(read.missing()).isEqualTo(MissingPolicy.ERROR);
        assertThat(read.header()).isFalse();
        assertThat(read.categorical()).containsExactly("3");
        assertThat(ReadingOptions.NONE.applyTo(TRAINED)).isEqualTo(TRAINED);
        assertThat(ReadingOptions.NONE.over(ReadingOptions.of(TRAINED))).isEqualTo(ReadingOptions.of(TRAINED));
    }
}
