package dev.rareclass.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The domain's own dependency rules (buckpal's DependencyRuleTests): the JDK only; the model of the problem
 * below the outgoing ports, the ports below the use cases, the use cases' interfaces above their services.
 */
class ArchitectureTest {

    private static final String PORTS = "dev.rareclass.domain.port..";
    private static final String USE_CASES = "dev.rareclass.domain.usecase..";
    private static final String SERVICES = "dev.rareclass.domain.service..";
    private static final String MODEL_OF_THE_PROBLEM = "dev.rareclass.domain.experiment..";

    private final JavaClasses domain = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rareclass.domain");

    @Test
    void domainImportsNothingOutsideTheJdkAndItself() {
        classes().that().resideInAPackage("dev.rareclass.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.rareclass.domain..")
                .check(domain);
    }

    @Test
    void outgoingPortsNeverDependOnUseCasesOrTheirServices() {
        noClasses().that().resideInAPackage(PORTS)
                .should().dependOnClassesThat().resideInAnyPackage(USE_CASES, SERVICES)
                .check(domain);
    }

    @Test
    void useCasesAreInterfacesAndRecordsThatNeverSeeTheirServices() {
        noClasses().that().resideInAPackage(USE_CASES)
                .should().dependOnClassesThat().resideInAPackage(SERVICES)
                .check(domain);
        classes().that().resideInAPackage(USE_CASES).and().areTopLevelClasses()
                .should().beInterfaces().orShould().beRecords()
                .check(domain);
    }

    @Test
    void theModelOfTheProblemNeedsNoPortUseCaseOrService() {
        noClasses().that().resideInAPackage(MODEL_OF_THE_PROBLEM)
                .should().dependOnClassesThat().resideInAnyPackage(PORTS, USE_CASES, SERVICES)
                .check(domain);
    }

    @Test
    void theBuildingBlocksNeedNothingAboveThem() {
        noClasses().that().resideInAnyPackage("dev.rareclass.domain.data..", "dev.rareclass.domain.metrics..",
                        "dev.rareclass.domain.threshold..", "dev.rareclass.domain.preprocess..",
                        "dev.rareclass.domain.sampling..", "dev.rareclass.domain.model..", "dev.rareclass.domain.error..")
                .should().dependOnClassesThat().resideInAnyPackage(MODEL_OF_THE_PROBLEM, PORTS, USE_CASES, SERVICES)
                .check(domain);
    }

    @Test
    void theImportFoundTheDomainClasses() {
        // guards the rules above against passing vacuously on an empty import
        org.assertj.core.api.Assertions.assertThat(domain.size()).isGreaterThan(30);
        org.assertj.core.api.Assertions.assertThat(domain.stream().filter(c -> c.getPackageName()
                .startsWith("dev.rareclass.domain.usecase"))).hasSizeGreaterThan(6);
    }
}
