package dev.rareclass.app.cli;

import dev.rareclass.domain.port.LibraryVersions;
import jakarta.inject.Inject;
import picocli.CommandLine;

/** {@code --version}: the tool, the JVM and every library it runs on, one per line as {@code NAME VERSION}. */
final class VersionProvider implements CommandLine.IVersionProvider {

    private final LibraryVersions versions;

    @Inject
    VersionProvider(LibraryVersions versions) {
        this.versions = versions;
    }

    @Override
    public String[] getVersion() {
        return versions.versions().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toArray(String[]::new);
    }
}
