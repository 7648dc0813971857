package io.ledgerline.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rule of design.md: app → projections → domain, and the write side knows no web, SQL or HTTP. */
class ArchitectureTest {

    private static JavaClasses ledgerline;

    @BeforeAll
    static void importClasses() {
        ledgerline = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ledgerline");
    }

    @Test
    void theDomainKnowsNoReadSideNoWebNoSqlAndNoHttpClient() {
        noClasses().that().resideInAPackage("io.ledgerline.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.ledgerline.projections..", "io.ledgerline.app..",
                        "org.springframework.web..", "org.springframework.http..", "org.springframework.jdbc..",
                        "org.springframework.r2dbc..", "io.r2dbc..", "java.sql..", "okhttp3..", "jakarta.servlet..")
                .check(ledgerline);
    }

    @Test
    void projectionsKnowNoApplicationNoWebAndNoHttpClient() {
        noClasses().that().resideInAPackage("io.ledgerline.projections..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.ledgerline.app..", "org.springframework.web..", "org.springframework.http..", "okhttp3..",
                        "jakarta.servlet..")
                .check(ledgerline);
    }

    @Test
    void messagesAreImmutableRecords() {
        classes().that().resideInAPackage("io.ledgerline.domain..")
                .and().haveSimpleNameEndingWith("ed")
                .and().areNotEnums()
                .and().areNotInterfaces()
                .and().areNotNestedClasses()
                .should().beAssignableTo(Record.class)
                .check(ledgerline);
    }
}
