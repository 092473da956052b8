package dev.linkport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Layering rules that module verification ({@link ModulesTest}) does not check, on the compiled
 * classes: what views may touch, who imports the AWS SDK, what the platform may use.
 */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importLinkport() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.linkport");
    }

    @Test
    void viewsDoNotTouchRepositories() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .because("views call services; services own data access and authorization")
                .check(classes);
    }

    @Test
    void viewsDoNotManageTransactions() {
        noClasses().that().resideInAPackage("..ui..")
                .should().beAnnotatedWith(Transactional.class)
                .andShould().dependOnClassesThat().resideInAPackage("jakarta.persistence..")
                .check(classes);
    }

    @Test
    void onlyTheAwsAdapterImportsTheAwsSdk() {
        noClasses().that().resideOutsideOfPackage("dev.linkport.aws..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .because("AWS is reached only through the PrivateLinkGateway port; only its adapter knows the SDK")
                .check(classes);
    }

    @Test
    void vaadinComponentsLiveOnlyInUiPackagesAndTheShell() {
        classes().that().areAssignableTo(Component.class)
                .should().resideInAnyPackage("..ui..", "dev.linkport.shell..")
                .check(classes);
    }

    @Test
    void thePlatformPackageDependsOnNoOtherModule() {
        String[] others = classes.stream().map(JavaClass::getPackageName)
                .filter(p -> p.startsWith("dev.linkport.") && !p.startsWith("dev.linkport.platform"))
                .map(p -> "dev.linkport." + p.split("\\.")[2] + "..").distinct().sorted().toArray(String[]::new);
        assertThat(others).as("the modules besides platform").contains("dev.linkport.notification..",
                "dev.linkport.catalog..", "dev.linkport.worker..");
        noClasses().that().resideInAPackage("dev.linkport.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("every module may use the platform, so the platform may use none of them")
                .check(classes);
    }
}
