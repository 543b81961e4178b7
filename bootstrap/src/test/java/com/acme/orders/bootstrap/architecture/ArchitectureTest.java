package com.acme.orders.bootstrap.architecture;

import static com.acme.orders.bootstrap.architecture.ProductionClasses.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules over the production classes of every module. {@link ArchitectureRulesCanFailTest} shows that
 * each of them fails on code that breaks it.
 */
class ArchitectureTest {

    @Test
    void hexagonal_layers_point_inwards_from_adapters_to_application_to_domain() {
        ArchitectureRule.HEXAGONAL_LAYERS_POINT_INWARDS.forRoot(ROOT).check(ProductionClasses.withoutBootstrap());
    }

    @Test
    void domain_depends_only_on_the_jdk() {
        ArchitectureRule.DOMAIN_DEPENDS_ONLY_ON_THE_JDK.forRoot(ROOT).check(ProductionClasses.all());
    }

    @Test
    void application_depends_only_on_the_jdk_and_the_domain() {
        ArchitectureRule.APPLICATION_DEPENDS_ONLY_ON_THE_JDK_AND_THE_DOMAIN
                .forRoot(ROOT)
                .check(ProductionClasses.all());
    }

    @Test
    void adapters_do_not_depend_on_each_other() {
        ArchitectureRule.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER.forRoot(ROOT).check(ProductionClasses.all());
    }

    @Test
    void adapters_use_ports_not_application_services() {
        ArchitectureRule.ADAPTERS_USE_PORTS_NOT_SERVICES.forRoot(ROOT).check(ProductionClasses.all());
    }

    @Test
    void driven_ports_do_not_know_driving_ports() {
        ArchitectureRule.DRIVEN_PORTS_DO_NOT_KNOW_DRIVING_PORTS.forRoot(ROOT).check(ProductionClasses.all());
    }

    @Test
    void packages_are_free_of_cycles() {
        ArchitectureRule.PACKAGES_ARE_FREE_OF_CYCLES.forRoot(ROOT).check(ProductionClasses.all());
    }

    @Test
    void no_class_writes_to_standard_out_or_err() {
        ArchitectureRule.NO_STANDARD_STREAMS.forRoot(ROOT).check(ProductionClasses.all());
    }

    @Test
    void no_class_uses_java_util_logging() {
        ArchitectureRule.NO_JAVA_UTIL_LOGGING.forRoot(ROOT).check(ProductionClasses.all());
    }

    @Test
    void no_class_throws_generic_exceptions() {
        ArchitectureRule.NO_GENERIC_EXCEPTIONS.forRoot(ROOT).check(ProductionClasses.all());
    }

    @Test
    void only_bootstrap_uses_the_application_services() {
        ArchitectureRule.ONLY_BOOTSTRAP_USES_THE_SERVICES.forRoot(ROOT).check(ProductionClasses.all());
    }

    @Test
    void persistence_daos_and_row_records_are_package_private() {
        ArchitectureRule.PERSISTENCE_DAOS_AND_ROWS_ARE_PACKAGE_PRIVATE
                .forRoot(ROOT)
                .check(ProductionClasses.all());
    }

    @Test
    void the_rules_see_every_module_and_no_test_or_fixture_class() {
        Set<String> packages = packagesOf(ProductionClasses.all());

        for (String module : List.of(
                "domain",
                "application",
                "adapter.http",
                "adapter.persistence",
                "adapter.password",
                "adapter.scheduler",
                "adapter.webhooks",
                "bootstrap")) {
            String modulePackage = ROOT + "." + module;
            assertThat(packages)
                    .as("packages holding a class under %s (is that module's jar in ~/.m2 current?)", modulePackage)
                    .anyMatch(name -> name.equals(modulePackage) || name.startsWith(modulePackage + "."));
        }
        assertThat(packages).noneMatch(name -> name.startsWith(ROOT + ".archfixture"));
        assertThat(ProductionClasses.all().contain(ArchitectureTest.class)).isFalse();
        assertThat(ProductionClasses.all().contain("com.acme.orders.application.port.out.OrderRepositoryContract"))
                .as("a class of application's -tests.jar")
                .isFalse();
        assertThat(ProductionClasses.all().contain("com.acme.orders.adapter.persistence.testing.TestDatabase"))
                .as("a class of adapters-persistence's -tests.jar")
                .isFalse();
        assertThat(packagesOf(ProductionClasses.withoutBootstrap()))
                .noneMatch(name -> name.startsWith(ROOT + ".bootstrap"));
    }

    private static Set<String> packagesOf(JavaClasses classes) {
        return classes.stream().map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new));
    }
}
