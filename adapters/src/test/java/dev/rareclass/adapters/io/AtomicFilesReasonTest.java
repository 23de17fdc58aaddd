package dev.rareclass.adapters.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rareclass.domain.error.OutputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cause of a failed write in words ({@link AtomicFiles#reason}): what it says must be so. */
class AtomicFilesReasonTest {

    @TempDir
    Path dir;

    @Test
    void aFileThatCannotBeMadeInAFolderThatExistsIsNotSaidToBeMissing() {
        // what /proc and /sys say (ENOENT) for a new file in a folder that is there
        String made = AtomicFiles.reason(new NoSuchFileException(dir.resolve(".rareclass-x.part").toString()));
        assertThat(made).isEqualTo("no new file can be made in " + dir);
        String missing = AtomicFiles.reason(new NoSuchFileException(dir.resolve("gone/x.part").toString()));
        assertThat(missing).isEqualTo("no such file or folder");
        assertThat(AtomicFiles.reason(new NoSuchFileException(null))).isEqualTo("no such file or folder");
    }

    @Test
    void aProcFileThatExistsButTakesNoWriteIsNotSaidToBeMissing() {
        Path status = Path.of("/proc/self/status");
        assumeTrue(Files.isRegularFile(status), "Linux /proc");
        assertThatThrownBy(() -> AtomicFiles.write(status, out -> out.write('x')))
                .isInstanceOf(OutputException.class).hasMessageStartingWith(status + ": cannot write (")
                .hasMessageNotContaining("no such file");
    }
}
