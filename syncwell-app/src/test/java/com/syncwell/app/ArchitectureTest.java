package com.syncwell.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward: domain ← connectors ← engine ← adapters ← app (ARCHITECTURE.md §3).
 * Names only the packages that exist; add a rule when a module lands.
 */
class ArchitectureTest {
  private static JavaClasses production;

  @BeforeAll
  static void import_production_classes() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.syncwell");
  }

  @Test
  void the_domain_depends_on_the_jdk_only() {
    classes()
        .that()
        .resideInAPackage("com.syncwell.domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("com.syncwell.domain..", "java..")
        .check(production);
  }

  @Test
  void connectors_know_the_domain_but_no_engine_adapter_or_application() {
    noClasses()
        .that()
        .resideInAPackage("com.syncwell.connector..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.syncwell.engine..",
            "com.syncwell.store..",
            "com.syncwell.app..",
            "com.syncwell.simulator..",
            "com.syncwell.testkit..")
        .check(production);
  }

  @Test
  void the_engine_knows_no_adapter_and_no_application() {
    noClasses()
        .that()
        .resideInAPackage("com.syncwell.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.syncwell.store..", "com.syncwell.app..", "com.syncwell.testkit..", "java.sql..")
        .check(production);
  }

  @Test
  void the_domain_stores_use_only_ports_domain_connector_values_and_jackson() {
    classes()
        .that()
        .resideInAPackage("com.syncwell.engine.store..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "com.syncwell.engine.store..",
            "com.syncwell.engine.port..",
            "com.syncwell.domain..",
            "com.syncwell.connector",
            "com.fasterxml.jackson..",
            "java..")
        .check(production);
  }

  @Test
  void the_workers_use_only_the_sync_boundary_stores_ports_and_connector_values() {
    classes()
        .that()
        .resideInAPackage("com.syncwell.engine.worker..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "com.syncwell.engine.worker..",
            "com.syncwell.engine.sync",
            "com.syncwell.engine.store..",
            "com.syncwell.engine.port..",
            "com.syncwell.engine.log..",
            "com.syncwell.engine.trace..",
            "com.syncwell.connector",
            "io.opentelemetry.api..",
            "io.opentelemetry.context..",
            "org.slf4j..",
            "java..")
        .check(production);
  }

  @Test
  void nothing_in_the_engine_depends_on_the_workers() {
    noClasses()
        .that()
        .resideInAPackage("com.syncwell.engine..")
        .and()
        .resideOutsideOfPackage("com.syncwell.engine.worker..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.syncwell.engine.worker..")
        .check(production);
  }

  @Test
  void only_the_crypto_adapter_webhook_signatures_and_the_simulator_use_tink() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "com.syncwell.store.crypto..", "com.syncwell.api.webhook..", "com.syncwell.simulator..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.google.crypto.tink..")
        .check(production);
  }

  @Test
  void the_api_knows_no_adapter_simulator_or_application() {
    noClasses()
        .that()
        .resideInAPackage("com.syncwell.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.syncwell.store..",
            "com.syncwell.simulator..",
            "com.syncwell.app..",
            "com.syncwell.testkit..",
            "java.sql..")
        .check(production);
  }

  @Test
  void nothing_but_the_api_simulator_and_application_uses_javalin() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "com.syncwell.api..", "com.syncwell.simulator..", "com.syncwell.app..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
        .check(production);
  }

  @Test
  void only_the_aws_adapters_and_the_application_use_the_aws_sdk() {
    noClasses()
        .that()
        .resideOutsideOfPackages("com.syncwell.aws..", "com.syncwell.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("software.amazon.awssdk..")
        .check(production);
  }

  @Test
  void only_the_redis_adapter_uses_redis() {
    noClasses()
        .that()
        .resideOutsideOfPackage("com.syncwell.redis..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.lettuce..", "io.github.bucket4j.redis..")
        .check(production);
  }

  @Test
  void the_scale_out_adapters_know_only_ports_and_the_engine_fallbacks() {
    noClasses()
        .that()
        .resideInAnyPackage("com.syncwell.aws..", "com.syncwell.redis..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.syncwell.app..",
            "com.syncwell.api..",
            "com.syncwell.store..",
            "com.syncwell.engine.sync..",
            "com.syncwell.engine.store..",
            "com.syncwell.testkit..")
        .check(production);
  }

  @Test
  void the_engine_reaches_the_api_never() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "com.syncwell.domain..", "com.syncwell.connector..", "com.syncwell.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.syncwell.api..")
        .check(production);
  }

  @Test
  void the_crypto_adapter_knows_no_sql() {
    noClasses()
        .that()
        .resideInAPackage("com.syncwell.store.crypto..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "com.syncwell.store.sqlite..")
        .check(production);
  }

  @Test
  void the_simulator_depends_on_no_engine_store_or_application() {
    noClasses()
        .that()
        .resideInAPackage("com.syncwell.simulator..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.syncwell.engine..",
            "com.syncwell.store..",
            "com.syncwell.app..",
            "com.syncwell.testkit..")
        .check(production);
  }

  @Test
  void the_embedded_store_knows_no_application() {
    noClasses()
        .that()
        .resideInAPackage("com.syncwell.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.syncwell.app..", "com.syncwell.testkit..", "picocli..")
        .check(production);
  }

  @Test
  void only_the_application_uses_the_command_line_and_logging_backends() {
    noClasses()
        .that()
        .resideOutsideOfPackage("com.syncwell.app..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("picocli..", "ch.qos.logback..", "net.logstash..")
        .check(production);
  }

  @Test
  void only_the_application_uses_the_opentelemetry_sdk_and_exporters() {
    noClasses()
        .that()
        .resideOutsideOfPackage("com.syncwell.app..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.opentelemetry.sdk..", "io.opentelemetry.exporter..")
        .check(production);
  }

  @Test
  void contract_suites_are_written_against_ports_only() {
    noClasses()
        .that()
        .resideInAPackage("com.syncwell.testkit..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.syncwell.store..", "com.syncwell.app..")
        .check(production);
  }

  @Test
  void no_class_is_named_impl_manager_helper_or_util() {
    noClasses()
        .should()
        .haveSimpleNameEndingWith("Impl")
        .orShould()
        .haveSimpleNameEndingWith("Manager")
        .orShould()
        .haveSimpleNameEndingWith("Helper")
        .orShould()
        .haveSimpleNameEndingWith("Util")
        .orShould()
        .haveSimpleNameEndingWith("Utils")
        .check(production);
  }
}
