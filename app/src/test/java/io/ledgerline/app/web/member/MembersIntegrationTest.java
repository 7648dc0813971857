package io.ledgerline.app.web.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MembersIntegrationTest extends IntegrationTest {

    @Test
    void membersAreListedByNameInPagesAndFilteredByActive() {
        Api.Org org = api.signUp();
        Api.Session first = api.member(org, "member");
        Api.Session second = api.member(org, "manager");
        api.patch(org.token(), "/api/v1/members/" + first.memberId(), Map.of("active", false)).exchange()
                .expectStatus().isOk();
        // Lists are eventually consistent: wait for every write to show before paging.
        awaitVersion(org, org.ownerId(), 0);
        awaitVersion(org, second.memberId(), 0);
        awaitVersion(org, first.memberId(), 1);

        Map<?, ?> page = api.get(org.token(), "/api/v1/members?limit=2").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) page.get("items")).hasSize(2);
        assertThat(page.get("nextCursor")).isNotNull();
        api.get(org.token(), "/api/v1/members?limit=2&cursor=" + page.get("nextCursor")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.nextCursor").doesNotExist();

        api.get(org.token(), "/api/v1/members?active=false").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(first.memberId().toString())
                .jsonPath("$.items[0].active").isEqualTo(false);
        api.get(org.token(), "/api/v1/members?active=maybe").exchange().expectStatus().isBadRequest();
        api.get(org.token(), "/api/v1/members?role=owner").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("unknown_parameter");
    }

    @Test
    void aNewMemberIsReadableAtTheVersionItWasWritten() {
        Api.Org org = api.signUp();
        String email = "new-" + UUID.randomUUID() + "@example.com";
        Map<?, ?> written = api.post(org.token(), "/api/v1/members",
                        Map.of("email", email, "name", "Nia New", "role", "manager", "password", Api.PASSWORD))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectHeader().exists("Location")
                .expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) written.get("id");
        api.get(org.token(), "/api/v1/members/" + id + "?minVersion=0").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.email").isEqualTo(email)
                .jsonPath("$.role").isEqualTo("manager")
                .jsonPath("$.active").isEqualTo(true);
        api.get(org.token(), "/api/v1/members/" + id + "?minVersion=x").exchange().expectStatus().isBadRequest();
    }

    @Test
    void invalidNewMembersAreRejectedFieldByField() {
        Api.Org org = api.signUp();
        api.post(org.token(), "/api/v1/members", Map.of("email", "not-an-email", "name", "", "password", "short"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation.failed")
                .jsonPath("$.errors[?(@.field == 'email')].code").isEqualTo("email")
                .jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'role')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'password')].code").isEqualTo("size");
        api.post(org.token(), "/api/v1/members", Map.of("email", "x-" + UUID.randomUUID() + "@example.com",
                        "name", "X", "role", "emperor", "password", Api.PASSWORD)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("role");
    }

    @Test
    void anEmailCanOnlyBeUsedOnce() {
        Api.Org org = api.signUp();
        Api.Org other = api.signUp();
        api.post(org.token(), "/api/v1/members", Map.of("email", other.ownerEmail().toUpperCase(), "name", "Dup",
                        "role", "member", "password", Api.PASSWORD)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("member.email_taken");
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        Api.Org org = api.signUp();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("email", "idem-" + UUID.randomUUID() + "@example.com", "name", "Ida",
                "role", "member", "password", Api.PASSWORD);
        Map<?, ?> first = api.post(org.token(), "/api/v1/members", body, key).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        api.post(org.token(), "/api/v1/members", body, key).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.id").isEqualTo(first.get("id"));
        api.post(org.token(), "/api/v1/members", Map.of("email", "other-" + UUID.randomUUID() + "@example.com",
                        "name", "Ida", "role", "member", "password", Api.PASSWORD), key).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("idempotency.key_reused");
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        Api.Org org = api.signUp();
        Api.Session member = api.member(org, "member");
        api.patch(org.token(), "/api/v1/members/" + member.memberId(), Map.of("role", "manager"), "\"0\"").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"");
        api.patch(org.token(), "/api/v1/members/" + member.memberId(), Map.of("active", false), "\"0\"").exchange()
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.code").isEqualTo("version.stale");
    }

    @Test
    void anAdminCannotMakeAnyoneAnOwner() {
        Api.Org org = api.signUp();
        Api.Session admin = api.member(org, "admin");
        Api.Session member = api.member(org, "member");
        api.patch(admin.token(), "/api/v1/members/" + member.memberId(), Map.of("role", "owner")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("auth.forbidden");
        api.post(admin.token(), "/api/v1/members", Map.of("email", "o-" + UUID.randomUUID() + "@example.com",
                        "name", "Would-be Owner", "role", "owner", "password", Api.PASSWORD)).exchange()
                .expectStatus().isForbidden();
        api.patch(admin.token(), "/api/v1/members/" + member.memberId(), Map.of("role", "manager")).exchange()
                .expectStatus().isOk();
    }

    @Test
    void theLastOwnerCannotBeDemoted() {
        Api.Org org = api.signUp();
        api.patch(org.token(), "/api/v1/members/" + org.ownerId(), Map.of("role", "admin")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("member.last_owner");
    }

    @Test
    void aDeactivatedMembersTokenStopsWorking() {
        Api.Org org = api.signUp();
        Api.Session member = api.member(org, "manager");
        api.get(member.token(), "/api/v1/members").exchange().expectStatus().isOk();
        api.patch(org.token(), "/api/v1/members/" + member.memberId(), Map.of("active", false)).exchange()
                .expectStatus().isOk();
        api.get(member.token(), "/api/v1/members").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aMemberOfAnotherOrganizationIsNotFound() {
        Api.Org mine = api.signUp();
        Api.Org theirs = api.signUp();
        Api.Session theirMember = api.member(theirs, "member");
        api.get(mine.token(), "/api/v1/members/" + theirMember.memberId()).exchange()
                .expectStatus().isNotFound();
        api.patch(mine.token(), "/api/v1/members/" + theirMember.memberId(), Map.of("role", "manager")).exchange()
                .expectStatus().isNotFound();
        api.patch(mine.token(), "/api/v1/members/" + theirMember.memberId(), Map.of("active", false)).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void membersNeedATokenAndThePermission() {
        api.get(null, "/api/v1/members").exchange().expectStatus().isUnauthorized();
        api.post(null, "/api/v1/members", Map.of()).exchange().expectStatus().isUnauthorized();
        Api.Org org = api.signUp();
        Api.Session member = api.member(org, "member");
        api.get(member.token(), "/api/v1/members").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("auth.forbidden");
        api.patch(member.token(), "/api/v1/members/" + member.memberId(), Map.of("role", "admin")).exchange()
                .expectStatus().isForbidden();
        api.post(member.token(), "/api/v1/members", Map.of("email", "m-" + UUID.randomUUID() + "@example.com",
                        "name", "M", "role", "member", "password", Api.PASSWORD)).exchange()
                .expectStatus().isForbidden();
    }

    private void awaitVersion(Api.Org org, UUID memberId, long version) {
        api.get(org.token(), "/api/v1/members/" + memberId + "?minVersion=" + version).exchange()
                .expectStatus().isOk();
    }
}
