package dev.rareclass.app.wiring;

import dev.rareclass.domain.experiment.Environment;
import dev.rareclass.domain.experiment.Versions;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import dev.rareclass.domain.port.LibraryVersions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tool, the JVM and every library it runs on ({@code --version}, run manifests, experiment reports). Versions are read from the libraries' own jars, so they are the
 * ones actually on the class path; classes are looked up without being initialised (no native code loads).
 */
final class JarVersions implements LibraryVersions {

    /** Display name, a class of the library, its Maven coordinates. */
    private record Library(String name, String anchor, String group, String artifact) {
    }

    private static final List<Library> LIBRARIES = List.of(
            new Library("Smile", "smile.classification.LogisticRegression", "com.github.haifengl", "smile-core"),
            new Library("Deeplearning4j", "org.deeplearning4j.nn.multilayer.MultiLayerNetwork", "org.deeplearning4j",
                    "deeplearning4j-nn"),
            new Library("ND4J", "org.nd4j.linalg.factory.Nd4j", "org.nd4j", "nd4j-api"),
            new Library("picocli", "picocli.CommandLine", "info.picocli", "picocli"),
            new Library("Guice", "com.google.inject.Guice", "com.google.inject", "guice"),
            new Library("Jackson", "com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.core",
                    "jackson-databind"),
            new Library("FastCSV", "de.siegmar.fastcsv.reader.CsvReader", "de.siegmar", "fastcsv"),
            new Library("JFreeChart", "org.jfree.chart.JFreeChart", "org.jfree", "jfreechart"),
            new Library("JFreeSVG", "org.jfree.svg.SVGGraphics2D", "org.jfree", "org.jfree.svg"));

    @Override
    public Map<String, String> versions() {
        Map<String, String> out = new LinkedHashMap<>();
        Environment env = Environment.current();
        out.put("rareclass", Versions.rareclass() + (env.commit().equals("unknown") ? "" : " (commit " + env.commit() + ")"));
        out.put("Java", Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", " + env.cpus() + " processors)");
        for (Library lib : LIBRARIES) {
            out.put(lib.name(), version(lib) + (lib.name().equals("ND4J") ? " (linux-x86_64 natives)" : ""));
        }
        return out;
    }

    private static String version(Library lib) {
        Class<?> anchor;
        try {
            anchor = Class.forName(lib.anchor(), false, JarVersions.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return "(not on the class path)";
        }
        // read from the anchor's own jar: other jars (shaded copies) may carry the same pom.properties path
        String path = "META-INF/maven/" + lib.group() + "/" + lib.artifact() + "/pom.properties";
        try {
            var location = anchor.getProtectionDomain().getCodeSource().getLocation();
            try (JarFile jar = new JarFile(new java.io.File(location.toURI()))) {
                var entry = jar.getEntry(path);
                if (entry != null) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        Properties p = new Properties();
                        p.load(in);
                        String v = p.getProperty("version");
                        if (v != null && !v.isBlank()) {
                            return v;
                        }
                    }
                }
                var attributes = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes();
                if (attributes != null) {
                    String v = attributes.getValue("Implementation-Version");
                    v = v != null ? v : attributes.getValue("Bundle-Version");
                    if (v != null) {
                        return v;
                    }
                }
            }
        } catch (Exception | LinkageError e) {
            // not a jar (classes folder) or unreadable: fall back to the package's version
        }
        String v = anchor.getPackage() == null ? null : anchor.getPackage().getImplementationVersion();
        return v != null ? v : "unknown";
    }
}
