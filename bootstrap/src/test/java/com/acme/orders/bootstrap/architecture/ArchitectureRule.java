package com.acme.orders.bootstrap.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import ch.qos.logback.core.Appender;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rules of STYLE.md ("Tests &gt; Architecture"), each built for a root package: {@code com.acme.orders}
 * for the real code, {@code com.acme.orders.archfixture.bad} for a deliberately broken copy of its layout that proves
 * the rule can fail.
 *
 * <p>Every package a rule names is relative to the root, and no rule allows an empty {@code should}: a rule whose
 * packages match no class fails (ArchUnit's default {@code archRule.failOnEmptyShould=true}), so an emptied or
 * misspelled package cannot make it pass vacuously.
 */
enum ArchitectureRule {

    /**
     * Hexagonal layers as ArchUnit's onion: adapters may use the application and the domain, the application only
     * the domain, the domain nothing of ours outside itself; no adapter uses another.
     *
     * <p>Onion has two inner rings besides the domain model: domain services, then application services. Leaving
     * the domain-service ring undefined would make it an empty layer, which fails the rule (and making layers
     * optional would let a misspelled adapter package pass). So the ports ({@code application.port..}) are the inner
     * application ring and the services ({@code application.service..}) the outer one: besides the aim, this also
     * keeps the ports from knowing the services. That adapters use ports rather than services is
     * {@link #ADAPTERS_USE_PORTS_NOT_SERVICES}.
     *
     * <p>Bootstrap knows every module by design: its dependencies are ignored (and it is left out of the import);
     * every other class must sit in a layer, so a new package that no layer names fails the rule.
     */
    HEXAGONAL_LAYERS_POINT_INWARDS {
        @Override
        ArchRule forRoot(String root) {
            return onionArchitecture()
                    .domainModels(root + ".domain..")
                    .domainServices(root + ".application.port..")
                    .applicationServices(root + ".application.service..")
                    .adapter("http", root + ".adapter.http..")
                    .adapter("persistence", root + ".adapter.persistence..")
                    .adapter("password", root + ".adapter.password..")
                    .adapter("scheduler", root + ".adapter.scheduler..")
                    .adapter("webhooks", root + ".adapter.webhooks..")
                    .ignoreDependency(resideInAPackage(root + ".bootstrap.."), alwaysTrue())
                    .ensureAllClassesAreContainedInArchitectureIgnoring(
                            resideInAPackage(root + ".bootstrap..").or(simpleName("package-info")));
        }
    },

    DOMAIN_DEPENDS_ONLY_ON_THE_JDK {
        @Override
        ArchRule forRoot(String root) {
            return classes()
                    .that()
                    .resideInAPackage(root + ".domain..")
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage("java..", root + ".domain..")
                    .because("the model imports no framework and knows nothing around it");
        }
    },

    /** No Javalin, JDBI, Quartz, Hikari, Flyway, Jackson, java-jwt, bcrypt, not even SLF4J. */
    APPLICATION_DEPENDS_ONLY_ON_THE_JDK_AND_THE_DOMAIN {
        @Override
        ArchRule forRoot(String root) {
            return classes()
                    .that()
                    .resideInAPackage(root + ".application..")
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage("java..", root + ".domain..", root + ".application..")
                    .because("use cases and ports touch no web, database, scheduler, JSON, token, hashing or logging"
                            + " library; adapters plug into the ports");
        }
    },

    /** Every pair, including adapters added later: each sub-package of {@code adapter} is one slice. */
    ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER {
        @Override
        ArchRule forRoot(String root) {
            return slices().matching(root + ".adapter.(*)..")
                    .namingSlices("adapter '$1'")
                    .should()
                    .notDependOnEachOther()
                    .because("adapters meet only through the application's ports; bootstrap wires them together");
        }
    },

    ADAPTERS_USE_PORTS_NOT_SERVICES {
        @Override
        ArchRule forRoot(String root) {
            return noClasses()
                    .that()
                    .resideInAPackage(root + ".adapter..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(root + ".application.service..")
                    .because("adapters see the port.in and port.out interfaces, never their implementations");
        }
    },

    /**
     * The two sides of the ports meet only in the application's services and through the values of
     * {@code application.port}: a driven port that used a driving port's type would tie what an adapter must
     * implement to what another adapter calls.
     */
    DRIVEN_PORTS_DO_NOT_KNOW_DRIVING_PORTS {
        @Override
        ArchRule forRoot(String root) {
            return noClasses()
                    .that()
                    .resideInAPackage(root + ".application.port.out..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(root + ".application.port.in..")
                    .because("driven ports are named by the role an adapter plays, not by the use cases that call"
                            + " them; shared values live in application.port");
        }
    },

    /**
     * At the finest granularity: every package is a slice ({@code (**)} captures the whole path below the root), so
     * a cycle between two packages of one module (say {@code application.port.in} and {@code port.out}) fails too.
     * None is legitimate today; coarsen to {@code (*)..} only for a cycle that is wanted, and say why here.
     */
    PACKAGES_ARE_FREE_OF_CYCLES {
        @Override
        ArchRule forRoot(String root) {
            return slices().matching(root + ".(**)")
                    .namingSlices("package '$1'")
                    .should()
                    .beFreeOfCycles();
        }
    },

    NO_STANDARD_STREAMS {
        @Override
        ArchRule forRoot(String root) {
            return noClasses()
                    .that()
                    .resideInAPackage(root + "..")
                    .and()
                    .areNotAssignableTo(Appender.class)
                    .should(ACCESS_STANDARD_STREAMS)
                    .because("output goes through SLF4J, where it is formatted, levelled and correlated; only a"
                            + " Logback appender, where that output ends, writes to standard output");
        }
    },

    NO_JAVA_UTIL_LOGGING {
        @Override
        ArchRule forRoot(String root) {
            return noClasses()
                    .that()
                    .resideInAPackage(root + "..")
                    .should(USE_JAVA_UTIL_LOGGING)
                    .because("the service logs through SLF4J");
        }
    },

    NO_GENERIC_EXCEPTIONS {
        @Override
        ArchRule forRoot(String root) {
            return noClasses()
                    .that()
                    .resideInAPackage(root + "..")
                    .should(THROW_GENERIC_EXCEPTIONS)
                    .because("a failure is named after what went wrong, so that the edge can map it");
        }
    },

    /** Tests are out of the import anyway; they may build services too. */
    ONLY_BOOTSTRAP_USES_THE_SERVICES {
        @Override
        ArchRule forRoot(String root) {
            return classes()
                    .that()
                    .resideInAPackage(root + ".application.service..")
                    .should()
                    .onlyHaveDependentClassesThat()
                    .resideInAnyPackage(root + ".application.service..", root + ".bootstrap..")
                    .because("bootstrap constructs the services; everything else sees the use-case interfaces");
        }
    },

    PERSISTENCE_DAOS_AND_ROWS_ARE_PACKAGE_PRIVATE {
        @Override
        ArchRule forRoot(String root) {
            return classes()
                    .that(resideInAPackage(root + ".adapter.persistence..")
                            .and(simpleNameEndingWith("Dao").or(simpleNameEndingWith("Row"))))
                    .should()
                    .notBePublic()
                    .because("the public face of persistence is the repositories that implement the ports");
        }
    };

    abstract ArchRule forRoot(String root);
}
