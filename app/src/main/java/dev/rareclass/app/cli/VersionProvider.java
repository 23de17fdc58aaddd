package dev.rareclass.app.cli;

import dev.rareclass.domain.experiment.Versions;
import picocli.CommandLine;

/** {@code --version}: the tool and the libraries it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "rareclass " + Versions.rareclass(),
            "Java " + Runtime.version(),
            "Smile 6.3.0, Deeplearning4j 1.0.0-M2.1 (linux-x86_64 natives), picocli " + CommandLine.VERSION,
        };
    }
}
