package io.ledgerline.app.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AuditIntegrationTest extends IntegrationTest {

    @Test
    void theHistoryShowsEveryEventWithWhoCausedItAndInWhichRequest() {
        Api.Org org = api.signUp();
        String requestId = "audit-" + UUID.randomUUID();
        web.patch().uri("/api/v1/organization")
                .headers(headers -> headers.setBearerAuth(org.token()))
                .header("X-Request-Id", requestId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Audited & Co", "mfaRequired", false, "billingDefaults",
                        Map.of("paymentTermsDays", 14)))
                .exchange()
                .expectStatus().isOk();
        Api.Session member = api.member(org, "member");

        api.get(org.token(), "/api/v1/audit/organizations/" + org.orgId() + "/events").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(3)
                .jsonPath("$.items[0].sequence").isEqualTo(0)
                .jsonPath("$.items[0].type").isEqualTo("OrganizationRegistered")
                .jsonPath("$.items[0].payload.orgId").isEqualTo(org.orgId().toString())
                .jsonPath("$.items[0].occurredAt").exists()
                .jsonPath("$.items[1].type").isEqualTo("OrganizationProfileChanged")
                .jsonPath("$.items[1].payload.name").isEqualTo("Audited & Co")
                .jsonPath("$.items[1].actor").isEqualTo(org.ownerId().toString())
                .jsonPath("$.items[1].requestId").isEqualTo(requestId)
                .jsonPath("$.items[2].type").isEqualTo("BillingDefaultsChanged")
                .jsonPath("$.items[2].requestId").isEqualTo(requestId)
                .jsonPath("$.items[2].payload.billingDefaults.paymentTermsDays").isEqualTo(14)
                .jsonPath("$.nextCursor").doesNotExist();

        api.get(org.token(), "/api/v1/audit/members/" + member.memberId() + "/events").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].type").isEqualTo("MemberAdded")
                .jsonPath("$.items[0].actor").isEqualTo(org.ownerId().toString())
                .jsonPath("$.items[0].requestId").isNotEmpty()
                .jsonPath("$.items[0].payload.email").isEqualTo(member.email())
                .jsonPath("$.items[0].payload.role").isEqualTo("MEMBER");
    }

    @Test
    void theHistoryIsPagedBySequence() {
        Api.Org org = api.signUp();
        for (int i = 1; i <= 4; i++) {
            api.patch(org.token(), "/api/v1/organization", Map.of("name", "Name " + i)).exchange()
                    .expectStatus().isOk();
        }
        String path = "/api/v1/audit/organization/" + org.orgId() + "/events?limit=2";
        Map<?, ?> first = page(org.token(), path);
        assertThat(sequences(first)).containsExactly(0, 1);
        Map<?, ?> second = page(org.token(), path + "&cursor=" + first.get("nextCursor"));
        assertThat(sequences(second)).containsExactly(2, 3);
        Map<?, ?> third = page(org.token(), path + "&cursor=" + second.get("nextCursor"));
        assertThat(sequences(third)).containsExactly(4);
        assertThat(third.get("nextCursor")).isNull();

        api.get(org.token(), path + "&cursor=not-a-cursor").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.bad_query");
        api.get(org.token(), path + "&limit=0").exchange().expectStatus().isBadRequest();
        api.get(org.token(), path + "&colour=red").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("unknown_parameter");
    }

    @Test
    void aRecordOfAnotherOrganizationIsNotFound() {
        Api.Org mine = api.signUp();
        Api.Org theirs = api.signUp();
        Api.Session theirMember = api.member(theirs, "member");
        api.get(mine.token(), "/api/v1/audit/organizations/" + theirs.orgId() + "/events").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("audit.not_found");
        api.get(mine.token(), "/api/v1/audit/members/" + theirMember.memberId() + "/events").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("audit.not_found");
        // The right id under the wrong resource type is no record either.
        api.get(theirs.token(), "/api/v1/audit/clients/" + theirMember.memberId() + "/events").exchange()
                .expectStatus().isNotFound();
        api.get(mine.token(), "/api/v1/audit/members/" + UUID.randomUUID() + "/events").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void anUnknownResourceTypeIsABadRequest() {
        Api.Org org = api.signUp();
        api.get(org.token(), "/api/v1/audit/invoicez/" + org.orgId() + "/events").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.code").isEqualTo("audit.unknown_resource_type")
                .jsonPath("$.errors[0].field").isEqualTo("resourceType");
    }

    @Test
    void theHistoryNeedsATokenAndTheAuditPermission() {
        Api.Org org = api.signUp();
        api.get(null, "/api/v1/audit/organizations/" + org.orgId() + "/events").exchange()
                .expectStatus().isUnauthorized();
        Api.Session member = api.member(org, "member");
        api.get(member.token(), "/api/v1/audit/organizations/" + org.orgId() + "/events").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("auth.forbidden");
        Api.Session accountant = api.member(org, "accountant");
        api.get(accountant.token(), "/api/v1/audit/organizations/" + org.orgId() + "/events").exchange()
                .expectStatus().isOk();
    }

    private Map<?, ?> page(String token, String path) {
        return api.get(token, path).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static List<Integer> sequences(Map<?, ?> page) {
        return ((List<?>) page.get("items")).stream()
                .map(item -> ((Number) ((Map<?, ?>) item).get("sequence")).intValue())
                .toList();
    }
}
