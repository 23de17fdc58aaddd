package dev.rareclass.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The hexagon's rules across modules (the domain's own are in the domain's ArchitectureTest): commands see the
 * domain's use cases and values only, never an adapter, a backend or a service; adapters never see a backend;
 * backends never see each other, an adapter or the application. Only the wiring knows them all.
 */
class ArchitectureTest {

    private static final String CLI = "dev.rareclass.app.cli..";
    private static final String ADAPTERS = "dev.rareclass.adapters..";
    private static final String SMILE = "dev.rareclass.smile..";
    private static final String DL4J = "dev.rareclass.dl4j..";
    private static final String XGBOOST = "dev.rareclass.xgboost..";
    private static final String APP = "dev.rareclass.app..";
    /** The Spark engine: on the class path only with -Pspark, found by ServiceLoader, never named by the app. */
    private static final String SPARK = "dev.rareclass.spark..";
    private static final String SERVICES = "dev.rareclass.domain.service..";

    private final JavaClasses all = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rareclass");

    @Test
    void commandsSeeNeitherAdaptersNorBackendsNorServices() {
        noClasses().that().resideInAPackage(CLI)
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, SMILE, DL4J, XGBOOST, SPARK, SERVICES)
                .check(all);
    }

    @Test
    void adaptersNeverSeeABackendOrTheApplication() {
        noClasses().that().resideInAPackage(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage(SMILE, DL4J, XGBOOST, APP)
                .check(all);
    }

    /** The embedding API finds backends through ServiceLoader at run time, so a program needs only the one it uses. */
    @Test
    void theEmbeddingApiNeverSeesABackendOrTheApplication() {
        noClasses().that().resideInAPackage("dev.rareclass.embed..")
                .should().dependOnClassesThat().resideInAnyPackage(SMILE, DL4J, XGBOOST, APP)
                .check(all);
    }

    /** The Spark engine sees the domain and Spark only; nothing of the application or the backends names it. */
    @Test
    void theSparkEngineSeesNoBackendAdapterOrApplicationAndNoneSeesIt() {
        noClasses().that().resideInAPackage(SPARK)
                .should().dependOnClassesThat().resideInAnyPackage(SMILE, DL4J, XGBOOST, ADAPTERS, APP)
                .allowEmptyShould(true)
                .check(all);
        noClasses().that().resideInAnyPackage(APP, ADAPTERS, SMILE, DL4J, XGBOOST)
                .should().dependOnClassesThat().resideInAPackage(SPARK)
                .check(all);
    }

    @Test
    void backendsNeverSeeEachOtherAnAdapterOrTheApplication() {
        noClasses().that().resideInAPackage(SMILE)
                .should().dependOnClassesThat().resideInAnyPackage(DL4J, XGBOOST, ADAPTERS, APP)
                .check(all);
        noClasses().that().resideInAPackage(DL4J)
                .should().dependOnClassesThat().resideInAnyPackage(SMILE, XGBOOST, ADAPTERS, APP)
                .check(all);
        noClasses().that().resideInAPackage(XGBOOST)
                .should().dependOnClassesThat().resideInAnyPackage(SMILE, DL4J, ADAPTERS, APP)
                .check(all);
    }

    @Test
    void theImportFoundEveryModule() {
        // guards the rules above against passing vacuously
        for (String pkg : new String[] {"dev.rareclass.app.cli", "dev.rareclass.adapters", "dev.rareclass.smile",
                "dev.rareclass.dl4j", "dev.rareclass.xgboost", "dev.rareclass.domain.usecase", "dev.rareclass.embed"}) {
            assertThat(all.stream().filter(c -> c.getPackageName().startsWith(pkg))).as(pkg).isNotEmpty();
        }
    }
}
