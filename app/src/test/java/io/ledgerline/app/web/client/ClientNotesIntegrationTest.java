package io.ledgerline.app.web.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientNotesIntegrationTest extends IntegrationTest {

    private ClientApi clients;

    @BeforeEach
    void clients() {
        clients = new ClientApi(api);
    }

    @Test
    void notesAreAddedEditedListedAndDeleted() {
        Api.Org org = api.signUp();
        Api.Session member = api.member(org, "member");
        ClientApi.Created client = clients.create(org.token(), "Noted Co");
        String notes = "/api/v1/clients/" + client.id() + "/notes";

        var added = api.post(member.token(), notes, Map.of("type", "meeting", "body", "  Kick-off went well. "))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody(Map.class).returnResult();
        String noteId = (String) added.getResponseBody().get("id");
        assertThat(added.getResponseHeaders().getLocation()).hasToString(notes + "/" + noteId);

        api.get(org.token(), notes + "/" + noteId + "?minVersion=1").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.type").isEqualTo("meeting")
                .jsonPath("$.body").isEqualTo("Kick-off went well.")
                .jsonPath("$.authorId").isEqualTo(member.memberId().toString());

        api.patch(member.token(), notes + "/" + noteId, Map.of("type", "decision", "body", "Go with plan B"), "\"1\"")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.id").isEqualTo(noteId);
        api.get(org.token(), notes + "?minVersion=2").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].type").isEqualTo("decision")
                .jsonPath("$.items[0].body").isEqualTo("Go with plan B");
        api.get(org.token(), "/api/v1/clients/" + client.id() + "?minVersion=2").exchange()
                .expectHeader().valueEquals("ETag", "\"2\"");

        api.delete(member.token(), notes + "/" + noteId, "\"2\"").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"3\"");
        api.get(org.token(), notes + "?minVersion=3").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
        api.get(org.token(), notes + "/" + noteId + "?minVersion=3").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("client.note_not_found");
        api.patch(member.token(), notes + "/" + noteId, Map.of("body", "Again")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("client.note_not_found");
        api.delete(member.token(), notes + "/" + noteId).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("client.note_not_found");
    }

    @Test
    void notesAreListedNewestFirstFilteredByTypeAndPaged() {
        Api.Org org = api.signUp();
        ClientApi.Created client = clients.create(org.token(), "Chatty Co");
        String notes = "/api/v1/clients/" + client.id() + "/notes";
        String[] types = {"phone_call", "meeting", "phone_call", "email", "phone_call"};
        long version = 0;
        for (int i = 0; i < types.length; i++) {
            Map<?, ?> written = api.post(org.token(), notes, Map.of("type", types[i], "body", "Note " + i)).exchange()
                    .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
            version = ((Number) written.get("version")).longValue();
        }
        assertThat(bodies(org, notes + "?minVersion=" + version))
                .containsExactly("Note 4", "Note 3", "Note 2", "Note 1", "Note 0");
        assertThat(bodies(org, notes + "?type=phone_call")).containsExactly("Note 4", "Note 2", "Note 0");
        assertThat(bodies(org, notes + "?type=decision")).isEmpty();

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<?, ?> page = api.get(org.token(), notes + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            ((List<?>) page.get("items")).forEach(item -> paged.add((String) ((Map<?, ?>) item).get("body")));
            cursor = (String) page.get("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(paged).containsExactly("Note 4", "Note 3", "Note 2", "Note 1", "Note 0");
    }

    @Test
    void invalidNotesAreRejectedByName() {
        Api.Org org = api.signUp();
        ClientApi.Created client = clients.create(org.token(), "Strict Co");
        String notes = "/api/v1/clients/" + client.id() + "/notes";
        Map<String, Object> empty = new HashMap<>();
        api.post(org.token(), notes, empty).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'type')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'body')].code").isEqualTo("required");
        api.post(org.token(), notes, Map.of("type", "gossip", "body", "x")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        api.post(org.token(), notes, Map.of("type", "general", "body", "x".repeat(10_001))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
        api.post(org.token(), notes, Map.of("type", "general", "body", "x".repeat(10_000))).exchange()
                .expectStatus().isCreated();
        api.patch(org.token(), notes + "/" + UUID.randomUUID(), Map.of("body", "")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
        api.patch(org.token(), notes + "/" + UUID.randomUUID(), Map.of("body", "   ")).exchange()
                .expectStatus().isNotFound();
        api.get(org.token(), notes + "?type=gossip").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        api.get(org.token(), notes + "?author=me").exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void aBlankBodyIsRefusedByTheClient() {
        Api.Org org = api.signUp();
        ClientApi.Created client = clients.create(org.token(), "Blank Co");
        String notes = "/api/v1/clients/" + client.id() + "/notes";
        String noteId = (String) api.post(org.token(), notes, Map.of("type", "general", "body", "Real")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        api.patch(org.token(), notes + "/" + noteId, Map.of("body", "   ")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("client.note_body_required");
    }

    @Test
    void withoutATokenNoNoteIsReadOrWritten() {
        String notes = "/api/v1/clients/" + UUID.randomUUID() + "/notes";
        api.get(null, notes).exchange().expectStatus().isUnauthorized();
        api.get(null, notes + "/" + UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
        api.post(null, notes, Map.of("type", "general", "body", "x")).exchange().expectStatus().isUnauthorized();
        api.patch(null, notes + "/" + UUID.randomUUID(), Map.of("body", "x")).exchange().expectStatus().isUnauthorized();
        api.delete(null, notes + "/" + UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anAccountantMayReadNotesButNotWriteThem() {
        Api.Org org = api.signUp();
        Api.Session accountant = api.member(org, "accountant");
        ClientApi.Created client = clients.create(org.token(), "Audited Co");
        String notes = "/api/v1/clients/" + client.id() + "/notes";
        String noteId = (String) api.post(org.token(), notes, Map.of("type", "general", "body", "Visible")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        api.get(accountant.token(), notes + "?minVersion=1").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].body").isEqualTo("Visible");
        api.post(accountant.token(), notes, Map.of("type", "general", "body", "Mine")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("auth.forbidden");
        api.patch(accountant.token(), notes + "/" + noteId, Map.of("body", "Changed")).exchange()
                .expectStatus().isForbidden();
        api.delete(accountant.token(), notes + "/" + noteId).exchange().expectStatus().isForbidden();
    }

    @Test
    void anotherOrganizationsClientNotesDoNotExist() {
        Api.Org owner = api.signUp();
        Api.Org other = api.signUp();
        ClientApi.Created client = clients.create(owner.token(), "Secretive Co");
        String notes = "/api/v1/clients/" + client.id() + "/notes";
        String noteId = (String) api.post(owner.token(), notes, Map.of("type", "general", "body", "Secret")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        api.get(owner.token(), notes + "?minVersion=1").exchange().expectStatus().isOk();
        api.get(other.token(), notes).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("client.not_found");
        api.get(other.token(), notes + "/" + noteId).exchange().expectStatus().isNotFound();
        api.post(other.token(), notes, Map.of("type", "general", "body", "Intrusion")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("client.not_found");
        api.patch(other.token(), notes + "/" + noteId, Map.of("body", "Changed")).exchange()
                .expectStatus().isNotFound();
        api.delete(other.token(), notes + "/" + noteId).exchange().expectStatus().isNotFound();
        api.get(owner.token(), notes + "/" + noteId + "?minVersion=1").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.body").isEqualTo("Secret");
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        Api.Org org = api.signUp();
        ClientApi.Created client = clients.create(org.token(), "Racy Notes Co");
        String notes = "/api/v1/clients/" + client.id() + "/notes";
        String noteId = (String) api.post(org.token(), notes, Map.of("type", "general", "body", "One")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        api.patch(org.token(), notes + "/" + noteId, Map.of("body", "Two"), "\"0\"").exchange()
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.code").isEqualTo("version.stale");
        api.delete(org.token(), notes + "/" + noteId, "\"0\"").exchange().expectStatus().isEqualTo(412);
        api.patch(org.token(), notes + "/" + noteId, Map.of("body", "Two"), "\"1\"").exchange()
                .expectStatus().isOk();
    }

    @Test
    void aReplayedIdempotencyKeyAddsTheNoteOnce() {
        Api.Org org = api.signUp();
        ClientApi.Created client = clients.create(org.token(), "Repeat Co");
        String notes = "/api/v1/clients/" + client.id() + "/notes";
        String key = "note-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("type", "phone_call", "body", "Called about the invoice");
        String first = api.post(org.token(), notes, body, key).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        api.post(org.token(), notes, body, key).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class).isEqualTo(first);
        api.post(org.token(), notes, Map.of("type", "phone_call", "body", "Something else"), key).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("idempotency.key_reused");
        assertThat(bodies(org, notes + "?minVersion=1")).containsExactly("Called about the invoice");
    }

    private List<String> bodies(Api.Org org, String path) {
        Map<?, ?> page = api.get(org.token(), path).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) page.get("items")).stream().map(item -> (String) ((Map<?, ?>) item).get("body")).toList();
    }
}
