package io.ledgerline.app.web.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import io.ledgerline.domain.project.BillingMethod;
import io.ledgerline.domain.project.ProjectCreated;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

class ClientsIntegrationTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private EventGateway events;

    private ClientApi clients;

    @BeforeEach
    void clients() {
        clients = new ClientApi(api);
    }

    @Test
    void createsAClientAndReadsItAtItsVersion() {
        Api.Org org = api.signUp();
        Map<String, Object> body = ClientApi.client("  Acme Corp ", "ACME");
        body.put("email", "office@acme.test");
        body.put("website", "https://acme.test");
        body.put("address", Map.of("line1", "1 Main St", "city", "Springfield", "country", "US"));
        body.put("tags", List.of("VIP", " vip", "Retail"));
        var result = api.post(org.token(), "/api/v1/clients", body).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody(Map.class).returnResult();
        String id = (String) result.getResponseBody().get("id");
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/api/v1/clients/" + id);
        assertThat(result.getResponseBody().get("version")).isEqualTo(0);

        api.get(org.token(), "/api/v1/clients/" + id + "?minVersion=0").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.id").isEqualTo(id)
                .jsonPath("$.name").isEqualTo("Acme Corp")
                .jsonPath("$.code").isEqualTo("ACME")
                .jsonPath("$.email").isEqualTo("office@acme.test")
                .jsonPath("$.address.city").isEqualTo("Springfield")
                .jsonPath("$.tags").isEqualTo(List.of("VIP", "Retail"))
                .jsonPath("$.status").isEqualTo("active")
                .jsonPath("$.billing.currency").isEqualTo("EUR")
                .jsonPath("$.billing.paymentTermsDays").isEqualTo(30)
                .jsonPath("$.projectCounts.active").isEqualTo(0)
                .jsonPath("$.projectCounts.completed").isEqualTo(0)
                .jsonPath("$.projectCounts.archived").isEqualTo(0);
    }

    @Test
    void aNewClientTakesTheOrganizationsBillingDefaults() {
        Api.Org org = api.signUp();
        api.patch(org.token(), "/api/v1/organization", Map.of("billingDefaults",
                        Map.of("paymentTermsDays", 14, "currency", "USD", "taxRate", 8.875)))
                .exchange().expectStatus().isOk();
        ClientApi.Created client = clients.create(org.token(), "Defaults Inc");
        api.get(org.token(), "/api/v1/clients/" + client.id() + "?minVersion=0").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.billing.paymentTermsDays").isEqualTo(14)
                .jsonPath("$.billing.currency").isEqualTo("USD")
                .jsonPath("$.billing.taxRate").isEqualTo(8.875);

        Map<String, Object> own = ClientApi.client("Own Terms Ltd", "OWN");
        own.put("billing", Map.of("paymentTermsDays", 45, "currency", "GBP"));
        ClientApi.Created withOwn = clients.create(org.token(), own);
        api.get(org.token(), "/api/v1/clients/" + withOwn.id() + "?minVersion=0").exchange()
                .expectBody()
                .jsonPath("$.billing.paymentTermsDays").isEqualTo(45)
                .jsonPath("$.billing.currency").isEqualTo("GBP")
                .jsonPath("$.billing.taxRate").isEqualTo(8.875);
    }

    @Test
    void invalidFieldsAreRejectedByName() {
        Api.Org org = api.signUp();
        Map<String, Object> body = new HashMap<>();
        body.put("email", "not-an-email");
        body.put("tags", List.of(" "));
        body.put("billing", Map.of("currency", "eur", "paymentTermsDays", -1, "taxRate", 101));
        api.post(org.token(), "/api/v1/clients", body).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation.failed")
                .jsonPath("$.errors[?(@.field == 'name')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'code')].code").isEqualTo("required")
                .jsonPath("$.errors[?(@.field == 'email')]").exists()
                .jsonPath("$.errors[?(@.field == 'tags[0]')]").exists()
                .jsonPath("$.errors[?(@.field == 'billing.currency')]").exists()
                .jsonPath("$.errors[?(@.field == 'billing.paymentTermsDays')]").exists()
                .jsonPath("$.errors[?(@.field == 'billing.taxRate')]").exists();
        Map<String, Object> unknownCurrency = ClientApi.client("Currency Co", "CUR");
        unknownCurrency.put("billing", Map.of("currency", "ABC"));
        api.post(org.token(), "/api/v1/clients", unknownCurrency).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("billing.currency");
        api.postRaw(org.token(), "/api/v1/clients", "{\"name\": ").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.malformed_json");
        api.postRaw(org.token(), "/api/v1/clients", "{\"name\": \"A\", \"code\": \"A\", \"colour\": \"red\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("request.unknown_field");

        ClientApi.Created client = clients.create(org.token(), "Valid Co");
        String path = "/api/v1/clients/" + client.id();
        api.patch(org.token(), path, Map.of("name", "", "email", "nope")).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'email')]").exists();
        api.patch(org.token(), path + "/billing", Map.of("paymentTermsDays", 400)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("paymentTermsDays");
        api.patchRaw(org.token(), path + "/billing", "{\"taxRate\": \"high\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("taxRate");
        api.get(org.token(), "/api/v1/clients?status=gone").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        api.get(org.token(), "/api/v1/clients?colour=red").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("unknown_parameter");
        api.get(org.token(), "/api/v1/clients?cursor=garbage!").exchange()
                .expectStatus().isBadRequest();
        api.get(org.token(), "/api/v1/clients?limit=501").exchange()
                .expectStatus().isBadRequest();
        api.get(org.token(), path + "?minVersion=-1").exchange()
                .expectStatus().isBadRequest();
        api.get(org.token(), "/api/v1/clients/not-a-uuid").exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void withoutATokenNothingIsReadOrChanged() {
        String path = "/api/v1/clients/" + UUID.randomUUID();
        api.get(null, "/api/v1/clients").exchange().expectStatus().isUnauthorized();
        api.get(null, path).exchange().expectStatus().isUnauthorized();
        api.post(null, "/api/v1/clients", ClientApi.client("X", "X")).exchange().expectStatus().isUnauthorized();
        api.patch(null, path, Map.of("name", "X")).exchange().expectStatus().isUnauthorized();
        api.patch(null, path + "/billing", Map.of("paymentTermsDays", 1)).exchange().expectStatus().isUnauthorized();
        api.post(null, path + "/deactivate", Map.of()).exchange().expectStatus().isUnauthorized();
        api.post(null, path + "/activate", Map.of()).exchange().expectStatus().isUnauthorized();
        api.delete(null, path).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aMemberMayReadClientsButNotCreateChangeOrDeleteThem() {
        Api.Org org = api.signUp();
        Api.Session member = api.member(org, "member");
        ClientApi.Created client = clients.create(org.token(), "Readable Co");
        String path = "/api/v1/clients/" + client.id();
        api.get(member.token(), path + "?minVersion=0").exchange().expectStatus().isOk();
        api.get(member.token(), "/api/v1/clients").exchange().expectStatus().isOk();
        api.post(member.token(), "/api/v1/clients", ClientApi.client("Mine", "MINE")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("auth.forbidden");
        api.patch(member.token(), path, Map.of("name", "Mine")).exchange().expectStatus().isForbidden();
        api.patch(member.token(), path + "/billing", Map.of("paymentTermsDays", 1)).exchange()
                .expectStatus().isForbidden();
        api.post(member.token(), path + "/deactivate", Map.of()).exchange().expectStatus().isForbidden();
        api.post(member.token(), path + "/activate", Map.of()).exchange().expectStatus().isForbidden();
        api.delete(member.token(), path).exchange().expectStatus().isForbidden();
        Api.Session manager = api.member(org, "manager");
        api.patch(manager.token(), path, Map.of("phone", "+1 555 0100")).exchange().expectStatus().isOk();
    }

    @Test
    void anotherOrganizationsClientDoesNotExist() {
        Api.Org owner = api.signUp();
        Api.Org other = api.signUp();
        ClientApi.Created client = clients.create(owner.token(), "Private Co");
        String path = "/api/v1/clients/" + client.id();
        api.get(owner.token(), path + "?minVersion=0").exchange().expectStatus().isOk();
        api.get(other.token(), path).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("client.not_found");
        api.patch(other.token(), path, Map.of("name", "Stolen")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("client.not_found");
        api.patch(other.token(), path + "/billing", Map.of("paymentTermsDays", 1)).exchange()
                .expectStatus().isNotFound();
        api.post(other.token(), path + "/deactivate", Map.of()).exchange().expectStatus().isNotFound();
        api.post(other.token(), path + "/activate", Map.of()).exchange().expectStatus().isNotFound();
        api.delete(other.token(), path).exchange().expectStatus().isNotFound();
        api.get(other.token(), "/api/v1/clients?status=all").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
        api.get(owner.token(), path + "?minVersion=0").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Private Co").jsonPath("$.status").isEqualTo("active");
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        Api.Org org = api.signUp();
        ClientApi.Created client = clients.create(org.token(), "Versioned Co");
        String path = "/api/v1/clients/" + client.id();
        api.patch(org.token(), path, Map.of("phone", "1"), "\"0\"").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"");
        api.patch(org.token(), path, Map.of("phone", "2"), "\"0\"").exchange()
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.code").isEqualTo("version.stale");
        api.patch(org.token(), path + "/billing", Map.of("taxId", "T"), "\"0\"").exchange()
                .expectStatus().isEqualTo(412);
        web.post().uri(path + "/deactivate").headers(h -> {
            h.setBearerAuth(org.token());
            h.set(HttpHeaders.IF_MATCH, "\"0\"");
        }).exchange().expectStatus().isEqualTo(412);
        web.post().uri(path + "/activate").headers(h -> {
            h.setBearerAuth(org.token());
            h.set(HttpHeaders.IF_MATCH, "\"0\"");
        }).exchange().expectStatus().isEqualTo(412);
        api.delete(org.token(), path, "\"0\"").exchange().expectStatus().isEqualTo(412);
        api.patch(org.token(), path, Map.of("phone", "3"), "\"1\"").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"");
    }

    @Test
    void aReplayedIdempotencyKeyAnswersTheFirstResponse() {
        Api.Org org = api.signUp();
        String key = "create-" + UUID.randomUUID();
        Map<String, Object> body = ClientApi.client("Once Only", "ONCE");
        var first = api.post(org.token(), "/api/v1/clients", body, key).exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).returnResult();
        var second = api.post(org.token(), "/api/v1/clients", body, key).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class).returnResult();
        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(second.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        api.post(org.token(), "/api/v1/clients", ClientApi.client("Twice", "TWICE"), key).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("idempotency.key_reused");

        ClientApi.Created client = clients.create(org.token(), "Action Co");
        String deactivateKey = "deactivate-" + UUID.randomUUID();
        String path = "/api/v1/clients/" + client.id() + "/deactivate";
        String firstAction = web.post().uri(path).headers(h -> {
            h.setBearerAuth(org.token());
            h.set("Idempotency-Key", deactivateKey);
        }).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        web.post().uri(path).headers(h -> {
            h.setBearerAuth(org.token());
            h.set("Idempotency-Key", deactivateKey);
        }).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class).isEqualTo(firstAction);
    }

    @Test
    void clientNamesAreUniqueIgnoringCaseAndWhiteSpaceAndCodesAreUniqueAndFixed() {
        Api.Org org = api.signUp();
        ClientApi.Created acme = clients.create(org.token(), ClientApi.client("Acme Corp", "ACME"));
        api.post(org.token(), "/api/v1/clients", ClientApi.client("  acme   CORP ", "OTHER")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("client.name_taken");
        api.post(org.token(), "/api/v1/clients", ClientApi.client("Another Acme", "acme")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("client.code_taken");
        api.patch(org.token(), "/api/v1/clients/" + acme.id(), Map.of("code", "NEW")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("client.code_immutable");
        ClientApi.Created globex = clients.create(org.token(), ClientApi.client("Globex", "GLOBEX"));
        api.patch(org.token(), "/api/v1/clients/" + globex.id(), Map.of("name", "ACME corp")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("client.name_taken");
        api.patch(org.token(), "/api/v1/clients/" + acme.id(), Map.of("name", "ACME CORP")).exchange()
                .expectStatus().isOk();
        Api.Org other = api.signUp();
        clients.create(other.token(), ClientApi.client("Acme Corp", "ACME"));
    }

    @Test
    void eachBillingChangeAddsAHistoryRow() {
        Api.Org org = api.signUp();
        ClientApi.Created client = clients.create(org.token(), "Billed Co");
        String path = "/api/v1/clients/" + client.id();
        api.patch(org.token(), path + "/billing", Map.of("contactName", "Ann Payable", "email", "ap@billed.test",
                        "currency", "CHF", "paymentTermsDays", 10, "taxRate", 7.7,
                        "address", Map.of("line1", "Bahnhofstrasse 1", "city", "Zurich")), "\"0\"")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"");
        api.get(org.token(), path + "?minVersion=1").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.billing.contactName").isEqualTo("Ann Payable")
                .jsonPath("$.billing.currency").isEqualTo("CHF")
                .jsonPath("$.billing.paymentTermsDays").isEqualTo(10)
                .jsonPath("$.billing.address.city").isEqualTo("Zurich");
        List<Map<String, Object>> history = jdbc.queryForList(
                "SELECT currency, payment_terms, effective_from FROM client_billing_history WHERE client_id = ? "
                        + "ORDER BY effective_from", client.id());
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("currency")).isEqualTo("EUR");
        assertThat(history.get(1).get("currency")).isEqualTo("CHF");
        assertThat(history.get(1).get("payment_terms")).isEqualTo(10);
        api.patch(org.token(), path + "/billing", Map.of("paymentTermsDays", 10)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);
    }

    @Test
    void inactiveClientsAreHiddenUnlessAskedFor() {
        Api.Org org = api.signUp();
        ClientApi.Created active = clients.create(org.token(), "Active One");
        ClientApi.Created dormant = clients.create(org.token(), "Dormant One");
        String path = "/api/v1/clients/" + dormant.id();
        api.post(org.token(), path + "/deactivate", Map.of()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);
        api.post(org.token(), path + "/deactivate", Map.of()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);
        api.get(org.token(), path + "?minVersion=1").exchange()
                .expectBody().jsonPath("$.status").isEqualTo("inactive");
        api.get(org.token(), "/api/v1/clients/" + active.id() + "?minVersion=0").exchange().expectStatus().isOk();
        assertThat(names(org, "")).containsExactly("Active One");
        assertThat(names(org, "?status=inactive")).containsExactly("Dormant One");
        assertThat(names(org, "?status=all")).containsExactly("Active One", "Dormant One");

        api.post(org.token(), path + "/activate", Map.of()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);
        api.get(org.token(), path + "?minVersion=2").exchange()
                .expectBody().jsonPath("$.status").isEqualTo("active");
        assertThat(names(org, "")).containsExactly("Active One", "Dormant One");
    }

    @Test
    void theListSearchesFiltersByTagAndPages() {
        Api.Org org = api.signUp();
        List<ClientApi.Created> created = new ArrayList<>();
        for (String[] client : new String[][] {{"Alpha Labs", "ALP", "tech"}, {"Beta Bakery", "BET", "food"},
                {"Gamma Tech", "GAM", "Tech"}, {"Delta Foods", "DEL", "food"}, {"Epsilon", "LABX", "tech"}}) {
            Map<String, Object> body = ClientApi.client(client[0], client[1]);
            body.put("tags", List.of(client[2]));
            created.add(clients.create(org.token(), body));
        }
        created.forEach(client -> api.get(org.token(), "/api/v1/clients/" + client.id() + "?minVersion=0").exchange()
                .expectStatus().isOk());

        assertThat(names(org, "?search=LAB")).containsExactly("Alpha Labs", "Epsilon");
        assertThat(names(org, "?search=bet")).containsExactly("Beta Bakery");
        assertThat(names(org, "?tag=TECH")).containsExactly("Alpha Labs", "Epsilon", "Gamma Tech");
        assertThat(names(org, "?tag=food&search=delta")).containsExactly("Delta Foods");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<?, ?> page = api.get(org.token(), "/api/v1/clients?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            ((List<?>) page.get("items")).forEach(item -> paged.add((String) ((Map<?, ?>) item).get("name")));
            cursor = (String) page.get("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(paged).containsExactly("Alpha Labs", "Beta Bakery", "Delta Foods", "Epsilon", "Gamma Tech");
    }

    @Test
    void aClientWithActiveProjectsCannotBeDeleted() {
        Api.Org org = api.signUp();
        ClientApi.Created client = clients.create(org.token(), "Busy Co");
        startProject(org, client);
        String path = "/api/v1/clients/" + client.id();
        api.get(org.token(), path + "?minVersion=0").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.projectCounts.active").isEqualTo(1);
        api.delete(org.token(), path).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("client.has_active_projects");
        api.get(org.token(), path + "?minVersion=0").exchange().expectStatus().isOk();
    }

    @Test
    void aDeletedClientIsGoneAndItsNameIsFreeAgain() {
        Api.Org org = api.signUp();
        ClientApi.Created client = clients.create(org.token(), ClientApi.client("Short Lived", "SHORT"));
        String path = "/api/v1/clients/" + client.id();
        api.post(org.token(), path + "/notes", Map.of("type", "general", "body", "First contact")).exchange()
                .expectStatus().isCreated();
        api.get(org.token(), path + "?minVersion=1").exchange().expectStatus().isOk();
        api.delete(org.token(), path, "\"1\"").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.id").isEqualTo(client.id().toString());
        await().atMost(PATIENCE).untilAsserted(() -> api.get(org.token(), path).exchange()
                .expectStatus().isNotFound());
        assertThat(names(org, "?status=all")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM client_note_view WHERE client_id = ?", Long.class,
                client.id())).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM client_billing_history WHERE client_id = ?", Long.class,
                client.id())).isZero();
        api.patch(org.token(), path, Map.of("name", "Back")).exchange().expectStatus().isNotFound();
        api.delete(org.token(), path).exchange().expectStatus().isNotFound();
        clients.create(org.token(), ClientApi.client("Short Lived", "SHORT"));
    }

    @Test
    void ofEightConcurrentCreatesWithOneNameExactlyOneSucceeds() throws Exception {
        Api.Org org = api.signUp();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> creates = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String code = "RACE-" + i;
                creates.add(() -> api.post(org.token(), "/api/v1/clients", ClientApi.client("Race Co", code))
                        .exchange().returnResult(String.class).getStatus().value());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(creates)) {
                statuses.add(status.get());
            }
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(names(org, "?status=all")).containsExactly("Race Co"));
    }

    /**
     * The projects API belongs to another team; the registry only needs the fact that a project was opened, so
     * the test publishes that event the way the project aggregate would.
     */
    private void startProject(Api.Org org, ClientApi.Created client) {
        events.publish(new ProjectCreated(org.orgId(), UUID.randomUUID(), client.id(), "Website", "WEB",
                BillingMethod.HOURLY, null, null, null, null));
    }

    private List<String> names(Api.Org org, String query) {
        Map<?, ?> page = api.get(org.token(), "/api/v1/clients" + query).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) page.get("items")).stream().map(item -> (String) ((Map<?, ?>) item).get("name")).toList();
    }
}
