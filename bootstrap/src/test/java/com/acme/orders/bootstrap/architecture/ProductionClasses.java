package com.acme.orders.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.regex.Pattern;

/**
 * The production classes of every module, as bootstrap's test class path holds them: no test classes (neither
 * {@code target/test-classes} nor a module's {@code -tests.jar}) and never the architecture fixtures. Imported once.
 */
final class ProductionClasses {

    static final String ROOT = "com.acme.orders";

    private static final ImportOption NO_TEST_JARS =
            location -> !location.matches(Pattern.compile(".*-tests\\.jar!/.*"));
    private static final ImportOption NO_ARCHITECTURE_FIXTURES =
            location -> !location.contains("/com/acme/orders/archfixture/");
    private static final ImportOption NO_BOOTSTRAP = location -> !location.contains("/com/acme/orders/bootstrap/");

    private ProductionClasses() {}

    /** Every module, bootstrap included. */
    static JavaClasses all() {
        return All.CLASSES;
    }

    /** Every module but bootstrap, which knows them all by design. */
    static JavaClasses withoutBootstrap() {
        return WithoutBootstrap.CLASSES;
    }

    private static final class All {
        static final JavaClasses CLASSES = importer().importPackages(ROOT);
    }

    private static final class WithoutBootstrap {
        static final JavaClasses CLASSES =
                importer().withImportOption(NO_BOOTSTRAP).importPackages(ROOT);
    }

    private static ClassFileImporter importer() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(NO_TEST_JARS)
                .withImportOption(NO_ARCHITECTURE_FIXTURES);
    }
}
