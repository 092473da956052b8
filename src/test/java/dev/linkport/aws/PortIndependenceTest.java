package dev.linkport.aws;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The port speaks Linkport's types only; the SDK stays inside the adapter package. */
class PortIndependenceTest {

    /** The port's packages only: importing the adapter would drag the whole EC2 model in and take seconds. */
    private final JavaClasses port = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/dev/linkport/aws/sdk/"))
            .importPackages("dev.linkport.aws");

    @Test
    void thePortAndItsTypesDoNotDependOnTheAwsSdk() {
        noClasses().that().resideInAnyPackage("dev.linkport.aws", "dev.linkport.aws.ratelimit")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(port);
    }

    @Test
    void thePortDoesNotDependOnItsAdapter() {
        noClasses().that().resideInAnyPackage("dev.linkport.aws", "dev.linkport.aws.ratelimit")
                .should().dependOnClassesThat().resideInAPackage("dev.linkport.aws.sdk..")
                .check(port);
    }
}
