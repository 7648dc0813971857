package io.ledgerline.app.web.qbo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import io.ledgerline.app.support.qbo.QboConnect;
import io.ledgerline.app.support.qbo.QboFake;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class QboResyncIntegrationTest extends IntegrationTest {

    private static final String RESYNC = "/api/v1/integrations/qbo/force-resync";

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aDryRunPlansEveryChangeWithoutCallingAWriteEndpoint() {
        Api.Org org = api.signUp();
        QboFake.Realm realm = realmWithTwoPayments(org, "Dry Run Co");
        QboConnect.connect(api, org, realm);
        int requestsBefore = realm.requests().size();

        Map<?, ?> answer = api.post(org.token(), RESYNC + "?dryRun=true", Map.of()).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        Map<?, ?> plan = (Map<?, ?>) answer.get("plan");
        assertThat(paymentItems(plan)).<Object>extracting(item -> item.get("action")).containsExactly("pull", "pull");
        assertThat(((Number) plan.get("pulls")).intValue()).isGreaterThanOrEqualTo(2);
        assertThat(realm.requests().subList(requestsBefore, realm.requests().size()))
                .extracting(QboFake.Request::method).containsOnly("GET");
        for (String entity : List.of("Customer", "Invoice", "Payment")) {
            assertThat(realm.writes(entity)).as(entity + " writes").isZero();
        }
        api.get(org.token(), "/api/v1/integrations/qbo/sync-jobs/" + answer.get("jobId")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.dryRun").isEqualTo(true)
                .jsonPath("$.status").isEqualTo("succeeded")
                .jsonPath("$.planned.items[?(@.entity == 'payment')].action").isEqualTo(List.of("pull", "pull"));
    }

    @Test
    void aJobCarriesOutThePlanReportsProgressAndASecondRunChangesNothing() {
        Api.Org org = api.signUp();
        QboFake.Realm realm = realmWithTwoPayments(org, "Resync Co");
        QboConnect.connect(api, org, realm);

        String location = api.post(org.token(), RESYNC, Map.of()).exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueMatches("Location", "/api/v1/integrations/qbo/sync-jobs/[0-9a-f-]{36}")
                .expectBody(Map.class).returnResult().getResponseHeaders().getLocation().toString();

        List<JsonNode> snapshots = progress(org, location);
        JsonNode last = snapshots.get(snapshots.size() - 1);
        assertThat(last.get("status").asString()).isEqualTo("succeeded");
        assertThat(last.get("failed").asInt()).isZero();
        assertThat(last.get("done").asInt()).isEqualTo(last.get("planned").get("pulls").asInt()
                + last.get("planned").get("creates").asInt() + last.get("planned").get("updates").asInt()
                + last.get("planned").get("links").asInt() + last.get("planned").get("conflicts").asInt());
        assertThat(last.get("planned").has("items")).as("snapshots leave the items out").isFalse();
        assertThat(snapshots).extracting(snapshot -> snapshot.get("status").asString())
                .isSortedAccordingTo(QboResyncIntegrationTest::byProgress);

        api.get(org.token(), location).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("succeeded")
                .jsonPath("$.dryRun").isEqualTo(false)
                .jsonPath("$.requestedBy").isEqualTo(org.ownerId().toString())
                .jsonPath("$.startedAt").isNotEmpty()
                .jsonPath("$.finishedAt").isNotEmpty()
                .jsonPath("$.planned.items[?(@.entity == 'payment')].qboId").value(ids ->
                        assertThat((List<?>) ids).hasSize(2));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                api.get(org.token(), "/api/v1/integrations/qbo/sync-log?entity=payment&outcome=linked").exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.items.length()").isEqualTo(4));

        Map<?, ?> again = api.post(org.token(), RESYNC + "?dryRun=true", Map.of()).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((List<?>) ((Map<?, ?>) again.get("plan")).get("items"))).isEmpty();
        String second = api.post(org.token(), RESYNC, Map.of()).exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseHeaders().getLocation().toString();
        List<JsonNode> secondRun = progress(org, second);
        JsonNode secondEnd = secondRun.get(secondRun.size() - 1);
        assertThat(secondEnd.get("status").asString()).isEqualTo("succeeded");
        assertThat(secondEnd.get("done").asInt()).isZero();
        for (String entity : List.of("Customer", "Invoice", "Payment")) {
            assertThat(realm.writes(entity)).as(entity + " writes").isZero();
        }
    }

    @Test
    void aSecondJobIsRefusedWhileOneRuns() {
        Api.Org org = api.signUp();
        QboFake.Realm realm = realmWithTwoPayments(org, "Busy Co");
        QboConnect.connect(api, org, realm);
        PaymentLinkingReconciler.hold(org.orgId());
        try {
            String location = api.post(org.token(), RESYNC, Map.of()).exchange()
                    .expectStatus().isAccepted()
                    .expectBody(Map.class).returnResult().getResponseHeaders().getLocation().toString();
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> api.get(org.token(), location).exchange()
                    .expectBody().jsonPath("$.status").isEqualTo("running"));
            api.post(org.token(), RESYNC, Map.of()).exchange()
                    .expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.code").isEqualTo("qbo.resync_running");
            PaymentLinkingReconciler.release(org.orgId());
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> api.get(org.token(), location).exchange()
                    .expectBody().jsonPath("$.status").isEqualTo("succeeded"));
            api.post(org.token(), RESYNC, Map.of()).exchange().expectStatus().isAccepted();
        } finally {
            PaymentLinkingReconciler.release(org.orgId());
        }
    }

    @Test
    void anOrganizationWithoutAConnectionCannotResync() {
        Api.Org org = api.signUp();
        for (String path : List.of(RESYNC, RESYNC + "?dryRun=true")) {
            api.post(org.token(), path, Map.of()).exchange()
                    .expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.code").isEqualTo("qbo.not_connected");
        }
    }

    @Test
    void resyncNeedsTheManagePermissionAndJobsTheViewPermission() {
        Api.Org org = api.signUp();
        Api.Session manager = api.member(org, "manager");
        Api.Session member = api.member(org, "member");
        api.post(null, RESYNC, Map.of()).exchange().expectStatus().isUnauthorized();
        api.post(manager.token(), RESYNC + "?dryRun=true", Map.of()).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("auth.forbidden");
        String job = "/api/v1/integrations/qbo/sync-jobs/" + java.util.UUID.randomUUID();
        api.get(null, job).exchange().expectStatus().isUnauthorized();
        api.get(member.token(), job).exchange().expectStatus().isForbidden();
        api.get(member.token(), job + "/events").exchange().expectStatus().isForbidden();
    }

    @Test
    void anotherOrganizationsJobIsNotFound() {
        Api.Org org = api.signUp();
        Api.Org other = api.signUp();
        QboConnect.connect(api, org, QboFake.shared().newRealm("Mine Co"));
        Map<?, ?> answer = api.post(org.token(), RESYNC + "?dryRun=true", Map.of()).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String job = "/api/v1/integrations/qbo/sync-jobs/" + answer.get("jobId");
        api.get(org.token(), job).exchange().expectStatus().isOk();
        api.get(other.token(), job).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("qbo.sync_job_not_found");
        api.get(other.token(), job + "/events").exchange().expectStatus().isNotFound();
    }

    @Test
    void badParametersAreRefused() {
        Api.Org org = api.signUp();
        api.post(org.token(), RESYNC + "?dryRun=maybe", Map.of()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("dryRun");
        api.post(org.token(), RESYNC + "?entity=customer", Map.of()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("entity");
        api.get(org.token(), "/api/v1/integrations/qbo/sync-jobs/not-a-uuid").exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void aReplayedIdempotencyKeyAnswersTheSameJob() {
        Api.Org org = api.signUp();
        QboConnect.connect(api, org, QboFake.shared().newRealm("Retry Co"));
        String first = api.post(org.token(), RESYNC, Map.of(), "resync-once").exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseHeaders().getLocation().toString();
        Api.replay(() -> api.post(org.token(), RESYNC, Map.of(), "resync-once"))
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().valueEquals("Location", first);
    }

    /** A company with two payments on one invoice, whose organization the payment reconciler acts for. */
    private QboFake.Realm realmWithTwoPayments(Api.Org org, String company) {
        PaymentLinkingReconciler.enrol(org.orgId());
        QboFake.Realm realm = QboFake.shared().newRealm(company);
        String customer = realm.addCustomer(company + " customer", null).get("Id").asString();
        String invoice = realm.addInvoice(customer, "1001", new BigDecimal("300.00"), LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31)).get("Id").asString();
        realm.payInvoice(invoice, new BigDecimal("100.00"));
        realm.payInvoice(invoice, new BigDecimal("50.00"));
        return realm;
    }

    /** Every snapshot of the job's event stream, which ends when the job does. */
    private List<JsonNode> progress(Api.Org org, String location) {
        FluxExchangeResult<String> stream = web.get().uri(location + "/events")
                .headers(headers -> headers.setBearerAuth(org.token()))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class);
        List<String> events = stream.getResponseBody().collectList().block(Duration.ofSeconds(30));
        assertThat(events).isNotEmpty();
        return events.stream().map(json::readTree).toList();
    }

    private static List<Map<?, ?>> paymentItems(Map<?, ?> plan) {
        return ((List<?>) plan.get("items")).stream()
                .<Map<?, ?>>map(item -> (Map<?, ?>) item)
                .filter(item -> "payment".equals(item.get("entity")))
                .toList();
    }

    private static int byProgress(String a, String b) {
        List<String> order = List.of("queued", "running", "succeeded", "failed");
        return Integer.compare(order.indexOf(a), order.indexOf(b));
    }
}
