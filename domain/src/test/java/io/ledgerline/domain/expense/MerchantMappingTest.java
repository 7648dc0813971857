package io.ledgerline.domain.expense;

import static io.ledgerline.domain.shared.BusinessRuleViolation.Kind.NOT_FOUND;
import static io.ledgerline.domain.shared.BusinessRuleViolation.Kind.UNPROCESSABLE;
import static io.ledgerline.domain.shared.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.domain.expense.ExpenseDirectory.CategoryStanding;
import io.ledgerline.domain.expense.ExpenseDirectory.ProjectOnFile;
import io.ledgerline.domain.project.ProjectStatus;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MerchantMappingTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID OTHER_ORG = UUID.randomUUID();
    private static final UUID TRAVEL = UUID.randomUUID();
    private static final UUID RETIRED = UUID.randomUUID();
    private static final UUID WEBSITE = UUID.randomUUID();
    private static final UUID ARCHIVED = UUID.randomUUID();
    private static final UUID MAPPING = MerchantMapping.idFor(ORG, "Lufthansa");

    private AggregateTestFixture<MerchantMapping> fixture;

    @BeforeEach
    void setUp() {
        FakeExpenseDirectory directory = new FakeExpenseDirectory(ORG);
        directory.categories.put(TRAVEL, CategoryStanding.ACTIVE);
        directory.categories.put(RETIRED, CategoryStanding.INACTIVE);
        directory.projects.put(WEBSITE, new ProjectOnFile(UUID.randomUUID(), ProjectStatus.ACTIVE));
        directory.projects.put(ARCHIVED, new ProjectOnFile(UUID.randomUUID(), ProjectStatus.ARCHIVED));
        fixture = new AggregateTestFixture<>(MerchantMapping.class);
        fixture.registerInjectableResource(directory);
    }

    private static MerchantMapped mapped() {
        return new MerchantMapped(ORG, MAPPING, "Lufthansa", WEBSITE, TRAVEL);
    }

    @Test
    void aMerchantHasOneMappingHoweverItIsSpelled() {
        assertThat(MerchantMapping.idFor(ORG, "  LUFTHANSA ")).isEqualTo(MAPPING);
        assertThat(MerchantMapping.idFor(ORG, "Lufthansa Cargo")).isNotEqualTo(MAPPING);
        assertThat(MerchantMapping.idFor(OTHER_ORG, "Lufthansa")).isNotEqualTo(MAPPING);
    }

    @Test
    void mapsANewMerchant() {
        fixture.givenNoPriorActivity()
                .when(new MapMerchant(ORG, MAPPING, " Lufthansa ", WEBSITE, TRAVEL))
                .expectEvents(mapped())
                .expectResultMessagePayload(true);
    }

    @Test
    void mappingAgainReplacesTheDefaults() {
        fixture.given(mapped())
                .when(new MapMerchant(ORG, MAPPING, "LUFTHANSA", null, TRAVEL))
                .expectEvents(new MerchantMapped(ORG, MAPPING, "LUFTHANSA", null, TRAVEL))
                .expectResultMessagePayload(false);
        fixture.given(mapped())
                .when(new MapMerchant(ORG, MAPPING, "Lufthansa", WEBSITE, TRAVEL))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void anUnmappedMerchantIsMappedAnew() {
        fixture.given(mapped(), new MerchantUnmapped(ORG, MAPPING, "Lufthansa"))
                .when(new MapMerchant(ORG, MAPPING, "Lufthansa", WEBSITE, TRAVEL))
                .expectEvents(mapped())
                .expectResultMessagePayload(true);
    }

    @Test
    void aMappingSetsSomethingUsable() {
        fixture.givenNoPriorActivity()
                .when(new MapMerchant(ORG, MAPPING, "Lufthansa", null, null))
                .expectNoEvents().expectException(violation(UNPROCESSABLE, "merchant_mapping.empty"));
        fixture.givenNoPriorActivity()
                .when(new MapMerchant(ORG, MAPPING, "Lufthansa", ARCHIVED, null))
                .expectNoEvents().expectException(violation(UNPROCESSABLE, "project.archived"));
        fixture.givenNoPriorActivity()
                .when(new MapMerchant(ORG, MAPPING, "Lufthansa", UUID.randomUUID(), null))
                .expectNoEvents().expectException(violation(NOT_FOUND, "project.not_found"));
        fixture.givenNoPriorActivity()
                .when(new MapMerchant(ORG, MAPPING, "Lufthansa", null, RETIRED))
                .expectNoEvents().expectException(violation(UNPROCESSABLE, "expense_category.inactive"));
        fixture.givenNoPriorActivity()
                .when(new MapMerchant(ORG, MAPPING, "Lufthansa", null, UUID.randomUUID()))
                .expectNoEvents().expectException(violation(NOT_FOUND, "expense_category.not_found"));
    }

    @Test
    void aMappingNamesItsMerchantUnderItsOwnId() {
        fixture.givenNoPriorActivity()
                .when(new MapMerchant(ORG, MAPPING, " ", WEBSITE, null))
                .expectNoEvents().expectException(violation(UNPROCESSABLE, "expense.merchant_required"));
        fixture.givenNoPriorActivity()
                .when(new MapMerchant(ORG, MAPPING, "Condor", WEBSITE, null))
                .expectNoEvents().expectException(violation(UNPROCESSABLE, "merchant_mapping.id_mismatch"));
    }

    @Test
    void changesTheDefaultsOfAnExistingMapping() {
        fixture.given(mapped())
                .when(new ChangeMerchantMapping(ORG, MAPPING, WEBSITE, null))
                .expectEvents(new MerchantMapped(ORG, MAPPING, "Lufthansa", WEBSITE, null));
        fixture.given(mapped())
                .when(new ChangeMerchantMapping(ORG, MAPPING, WEBSITE, TRAVEL))
                .expectNoEvents();
        fixture.given(mapped(), new MerchantUnmapped(ORG, MAPPING, "Lufthansa"))
                .when(new ChangeMerchantMapping(ORG, MAPPING, WEBSITE, null))
                .expectNoEvents().expectException(violation(NOT_FOUND, "merchant_mapping.not_found"));
    }

    @Test
    void unmapsAMappedMerchantOnce() {
        fixture.given(mapped())
                .when(new UnmapMerchant(ORG, MAPPING))
                .expectEvents(new MerchantUnmapped(ORG, MAPPING, "Lufthansa"));
        fixture.given(mapped(), new MerchantUnmapped(ORG, MAPPING, "Lufthansa"))
                .when(new UnmapMerchant(ORG, MAPPING))
                .expectNoEvents().expectException(violation(NOT_FOUND, "merchant_mapping.not_found"));
    }

    @Test
    void anotherOrganizationsMappingDoesNotExist() {
        fixture.given(mapped())
                .when(new UnmapMerchant(OTHER_ORG, MAPPING))
                .expectNoEvents().expectException(violation(NOT_FOUND, "merchant_mapping.not_found"));
        fixture.given(mapped())
                .when(new ChangeMerchantMapping(OTHER_ORG, MAPPING, null, TRAVEL))
                .expectNoEvents().expectException(violation(NOT_FOUND, "merchant_mapping.not_found"));
        fixture.given(mapped())
                .when(new MapMerchant(OTHER_ORG, MAPPING, "Lufthansa", null, TRAVEL))
                .expectNoEvents().expectException(violation(NOT_FOUND, "merchant_mapping.not_found"));
    }
}
