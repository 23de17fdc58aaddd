package dev.rareclass.domain.experiment;

/** The tool's own version, read from the jar manifest when packaged. */
public final class Versions {

    private Versions() {
    }

    public static String rareclass() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
