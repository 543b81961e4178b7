package com.acme.orders.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each architecture rule can fail: it reports the classes of the deliberately broken fixture
 * ({@code com.acme.orders.archfixture.bad}) that break it, and it fails when the packages it names do not exist, so a
 * misspelled or emptied package never passes vacuously. {@link ArchitectureTest} runs the same rules over the real code.
 */
class ArchitectureRulesCanFailTest {

    private static final String BAD_ROOT = "com.acme.orders.archfixture.bad";
    private static final String MISSPELLED_ROOT = "com.acme.ordres";

    // Fixture classes live in test sources: imported here without the test exclusion of the production import.
    private static final JavaClasses BAD_FIXTURE = new ClassFileImporter().importPackages(BAD_ROOT);

    @ParameterizedTest(name = "{0}")
    @EnumSource(ArchitectureRule.class)
    void each_rule_reports_the_fixture_classes_that_break_it(ArchitectureRule rule) {
        EvaluationResult result = rule.forRoot(BAD_ROOT).evaluate(BAD_FIXTURE);

        assertThat(result.hasViolation())
                .as("%s has a violation on the bad fixture", rule)
                .isTrue();
        List<String> details = result.getFailureReport().getDetails();
        for (String offender : offendersOf(rule)) {
            assertThat(details)
                    .as("violations of %s", rule)
                    .anyMatch(detail -> detail.contains(BAD_ROOT + "." + offender));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ArchitectureRule.class)
    void each_rule_fails_when_the_packages_it_names_are_misspelled(ArchitectureRule rule) {
        assertThatThrownBy(() -> rule.forRoot(MISSPELLED_ROOT).check(ProductionClasses.all()))
                .isInstanceOf(AssertionError.class)
                .hasMessageMatching("(?s).*(failed to check any classes|Layer '[^']+' is empty).*");
    }

    /** The switch has no default: a new rule does not compile until it names the fixture classes that break it. */
    private static List<String> offendersOf(ArchitectureRule rule) {
        return switch (rule) {
            case HEXAGONAL_LAYERS_POINT_INWARDS ->
                List.of("domain.order.OrderThatKnowsItsUseCase", "adapter.http.ControllerReadingTheDatabase");
            case DOMAIN_DEPENDS_ONLY_ON_THE_JDK ->
                List.of("domain.order.LoggingOrder", "domain.order.OrderThatKnowsItsUseCase");
            case APPLICATION_DEPENDS_ONLY_ON_THE_JDK_AND_THE_DOMAIN ->
                List.of("application.service.JsonPlaceOrderService");
            case ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER -> List.of("adapter.http.ControllerReadingTheDatabase");
            case ADAPTERS_USE_PORTS_NOT_SERVICES -> List.of("adapter.http.ControllerBuildingItsService");
            case DRIVEN_PORTS_DO_NOT_KNOW_DRIVING_PORTS -> List.of("application.port.out.RepositoryThatPlacesOrders");
            case PACKAGES_ARE_FREE_OF_CYCLES -> List.of("domain.order.CyclicOrder", "domain.user.CyclicUser");
            case NO_STANDARD_STREAMS -> List.of("adapter.scheduler.PrintingJob");
            case NO_JAVA_UTIL_LOGGING -> List.of("adapter.password.JulLoggingPasswordHasher");
            case NO_GENERIC_EXCEPTIONS -> List.of("adapter.persistence.GenericallyFailingRepository");
            case ONLY_BOOTSTRAP_USES_THE_SERVICES ->
                List.of("adapter.http.ControllerBuildingItsService", "domain.order.OrderThatBuildsAService");
            case PERSISTENCE_DAOS_AND_ROWS_ARE_PACKAGE_PRIVATE ->
                List.of("adapter.persistence.OrderDao", "adapter.persistence.OrderRow");
        };
    }
}
