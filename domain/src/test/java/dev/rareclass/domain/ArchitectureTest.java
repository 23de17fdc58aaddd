package dev.rareclass.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

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
    void theImportFoundTheDomainClasses() {
        // guards the rule above against passing vacuously on an empty import
        org.assertj.core.api.Assertions.assertThat(domain.size()).isGreaterThan(30);
    }
}
