package dev.linkport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The layering rules of DESIGN.md §8 and the house style, checked on the compiled classes. */
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
                .because("AWS is reached only through PrivateLinkGateway (DESIGN.md §6)")
                .check(classes);
    }

    @Test
    void vaadinComponentsLiveOnlyInUiPackagesAndTheShell() {
        classes().that().areAssignableTo(Component.class)
                .should().resideInAnyPackage("..ui..", "dev.linkport.shell..")
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("dev.linkport.(*)..")
                .should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    void thePlatformPackageDependsOnNoFeature() {
        noClasses().that().resideInAPackage("dev.linkport.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.linkport.identity..", "dev.linkport.catalog..",
                        "dev.linkport.provider..", "dev.linkport.consumer..", "dev.linkport.approval..",
                        "dev.linkport.worker..", "dev.linkport.audit..", "dev.linkport.shell..", "dev.linkport.api..",
                        "dev.linkport.sandbox..")
                .check(classes);
    }
}
