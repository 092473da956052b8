package dev.linkport.architecture;

import dev.linkport.LinkportApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Every top-level package is an application module, and modules use each other only through
 * their published API (base package and named interfaces), without cycles.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(LinkportApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublishedApiAndDoNotDependOnEachOtherInCycles() {
        MODULES.verify();
    }
}
