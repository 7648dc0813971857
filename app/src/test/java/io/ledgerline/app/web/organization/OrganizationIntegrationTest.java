package io.ledgerline.app.web.organization;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrganizationIntegrationTest extends IntegrationTest {

    @Test
    void theOwnerReadsTheOrganizationTheySignedUp() {
        Api.Org org = api.signUp();
        api.get(org.token(), "/api/v1/organization?minVersion=0").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.id").isEqualTo(org.orgId().toString())
                .jsonPath("$.timeZone").isEqualTo("Europe/Berlin")
                .jsonPath("$.billingDefaults.paymentTermsDays").isEqualTo(30)
                .jsonPath("$.billingDefaults.currency").isEqualTo("EUR");
    }

    @Test
    void anUpdateIsReadableAtItsVersion() {
        Api.Org org = api.signUp();
        api.patch(org.token(), "/api/v1/organization",
                        Map.of("name", "Renamed", "billingDefaults", Map.of("paymentTermsDays", 14, "taxRate", 19)),
                        "\"0\"")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.version").isEqualTo(2);
        api.get(org.token(), "/api/v1/organization?minVersion=2").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("Renamed")
                .jsonPath("$.billingDefaults.paymentTermsDays").isEqualTo(14)
                .jsonPath("$.billingDefaults.currency").isEqualTo("EUR");
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        Api.Org org = api.signUp();
        api.patch(org.token(), "/api/v1/organization", Map.of("name", "First"), "\"0\"").exchange()
                .expectStatus().isOk();
        api.patch(org.token(), "/api/v1/organization", Map.of("name", "Second"), "\"0\"").exchange()
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.code").isEqualTo("version.stale");
    }

    @Test
    void invalidFieldsAreRejectedByName() {
        Api.Org org = api.signUp();
        api.patch(org.token(), "/api/v1/organization",
                        Map.of("timeZone", "Nowhere/Land", "billingDefaults", Map.of("paymentTermsDays", -1)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'timeZone')]").exists()
                .jsonPath("$.errors[?(@.field == 'billingDefaults.paymentTermsDays')]").exists();
        api.patchRaw(org.token(), "/api/v1/organization", "{\"mfaRequired\": \"perhaps\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("mfaRequired");
        api.patchRaw(org.token(), "/api/v1/organization", "{\"colour\": \"red\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.unknown_field");
        api.get(org.token(), "/api/v1/organization?minVersion=abc").exchange()
                .expectStatus().isBadRequest();
        api.get(org.token(), "/api/v1/organization?colour=red").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("unknown_parameter");
    }

    @Test
    void withoutATokenNothingIsReadOrChanged() {
        api.get(null, "/api/v1/organization").exchange().expectStatus().isUnauthorized();
        api.patch(null, "/api/v1/organization", Map.of("name", "X")).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aMemberMayReadButNotChangeTheOrganization() {
        Api.Org org = api.signUp();
        Api.Session member = api.member(org, "member");
        // Reads are eventually consistent: wait for the sign-up to reach the read model.
        api.get(member.token(), "/api/v1/organization?minVersion=0").exchange().expectStatus().isOk();
        api.patch(member.token(), "/api/v1/organization", Map.of("name", "Mine now")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("auth.forbidden");
    }

    @Test
    void eachOrganizationSeesOnlyItself() {
        Api.Org first = api.signUp();
        Api.Org second = api.signUp();
        api.get(second.token(), "/api/v1/organization?minVersion=0").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(second.orgId().toString());
        api.patch(second.token(), "/api/v1/organization", Map.of("name", "Second renamed")).exchange()
                .expectStatus().isOk();
        api.get(first.token(), "/api/v1/organization?minVersion=0").exchange()
                .expectBody().jsonPath("$.name").value(name -> org.assertj.core.api.Assertions.assertThat((String) name)
                        .startsWith("Org "));
    }
}
