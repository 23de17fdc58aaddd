package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.UsageException;
import org.junit.jupiter.api.Test;

/** {@code serve --max-body SIZE}: sizes in bytes or binary units, and one message for every size out of range. */
class ServeSizesTest {

    @Test
    void sizesAreReadInBinaryUnits() {
        assertThat(ServeCommand.byteSize("16MiB")).isEqualTo(16L << 20);
        assertThat(ServeCommand.byteSize("512 KiB")).isEqualTo(512L << 10);
        assertThat(ServeCommand.byteSize("1000000")).isEqualTo(1_000_000L);
        assertThat(ServeCommand.byteSize("1g")).isEqualTo(1L << 30);
    }

    @Test
    void aSizeOutOfRangeIsSaidSoWhateverItsUnit() {
        // 1TiB was "not a size" where 3GiB was "below 2GiB"
        for (String big : new String[] {"3GiB", "1TiB", "2tb"}) {
            assertThatThrownBy(() -> ServeCommand.byteSize(big)).isInstanceOf(UsageException.class)
                    .hasMessage("--max-body must be above 0 and below 2GiB, not '" + big + "'");
        }
        // thirteen digits and more were "not a size", twelve "below 2GiB"
        for (String big : new String[] {"9999999999999", "99999999999999999999", "123456789012345678901234567890k"}) {
            assertThatThrownBy(() -> ServeCommand.byteSize(big)).isInstanceOf(UsageException.class)
                    .hasMessage("--max-body must be above 0 and below 2GiB, not '" + big + "'");
        }
        assertThat(ServeCommand.byteSize("00000000000001KiB")).isEqualTo(1024L);
        assertThatThrownBy(() -> ServeCommand.byteSize("lots")).isInstanceOf(UsageException.class)
                .hasMessageContaining("is not a size");
    }
}
