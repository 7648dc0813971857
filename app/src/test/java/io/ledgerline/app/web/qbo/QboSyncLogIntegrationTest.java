package io.ledgerline.app.web.qbo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboFault;
import io.ledgerline.domain.qbo.QboLinkOrigin;
import io.ledgerline.domain.qbo.QboLinked;
import io.ledgerline.domain.qbo.QboOperation;
import io.ledgerline.domain.qbo.QboUnlinked;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

class QboSyncLogIntegrationTest extends IntegrationTest {

    private static final String LOG = "/api/v1/integrations/qbo/sync-log";
    private static final String CUSTOMER_BODY = "{\"DisplayName\":\"Acme, Inc.\",\"PrimaryEmailAddr\":{\"Address\":\"a@acme.test\"}}";

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;

    QboEventLog events;

    @BeforeEach
    void events() {
        events = new QboEventLog(eventStore);
    }

    @Test
    void theLogShowsEveryLinkAndAttemptNewestFirstWithWhatWasSentAndWhatQuickBooksSaid() {
        Api.Org org = api.signUp();
        UUID client = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        events.store(QboEventLog.push(org.orgId(), QboEntity.CUSTOMER, client, "58", QboOperation.CREATED, null,
                CUSTOMER_BODY), start, org.ownerId().toString());
        events.store(new QboLinked(org.orgId(), QboEntity.CUSTOMER, client, "realm-1", "58", QboLinkOrigin.CREATED),
                start.plusMillis(1), org.ownerId().toString());
        String failed = events.store(QboEventLog.push(org.orgId(), QboEntity.INVOICE, invoice, null,
                QboOperation.ERROR, new QboFault("6000", "A business validation error has occurred",
                        "Amount is invalid", "ValidationFault"), "{\"DocNumber\":\"INV-1\"}"),
                start.plusSeconds(60), "system");

        awaitLogOf(org, 3);
        api.get(org.token(), LOG).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(3)
                .jsonPath("$.items[0].eventId").isEqualTo(failed)
                .jsonPath("$.items[0].at").isEqualTo(start.plusSeconds(60).toString())
                .jsonPath("$.items[0].entity").isEqualTo("invoice")
                .jsonPath("$.items[0].localId").isEqualTo(invoice.toString())
                .jsonPath("$.items[0].direction").isEqualTo("push")
                .jsonPath("$.items[0].operation").isEqualTo("error")
                .jsonPath("$.items[0].fault.code").isEqualTo("6000")
                .jsonPath("$.items[0].fault.message").isEqualTo("A business validation error has occurred")
                .jsonPath("$.items[0].fault.detail").isEqualTo("Amount is invalid")
                .jsonPath("$.items[0].fault.type").isEqualTo("ValidationFault")
                .jsonPath("$.items[0].intuitTid").isEqualTo("1-abc-tid")
                .jsonPath("$.items[0].payload.DocNumber").isEqualTo("INV-1")
                .jsonPath("$.items[0].actor").isEqualTo("system")
                .jsonPath("$.items[1].operation").isEqualTo("linked")
                .jsonPath("$.items[1].linkOrigin").isEqualTo("created")
                .jsonPath("$.items[1].direction").doesNotExist()
                .jsonPath("$.items[1].actor").isEqualTo(org.ownerId().toString())
                .jsonPath("$.items[2].operation").isEqualTo("created")
                .jsonPath("$.items[2].qboId").isEqualTo("58")
                .jsonPath("$.items[2].realmId").isEqualTo("realm-1")
                .jsonPath("$.items[2].requestId").isNotEmpty()
                .jsonPath("$.items[2].payload.DisplayName").isEqualTo("Acme, Inc.")
                .jsonPath("$.items[2].payload.PrimaryEmailAddr.Address").isEqualTo("a@acme.test")
                .jsonPath("$.nextCursor").doesNotExist();
    }

    @Test
    void theLogIsFilteredByEntityOutcomeRecordDirectionAndTime() {
        Api.Org org = api.signUp();
        UUID client = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        events.store(new QboLinked(org.orgId(), QboEntity.CUSTOMER, client, "realm-1", "58", QboLinkOrigin.IMPORTED),
                start, "system");
        events.store(QboEventLog.push(org.orgId(), QboEntity.CUSTOMER, client, "58", QboOperation.UPDATED, null,
                CUSTOMER_BODY), start.plusSeconds(10), "system");
        events.store(QboEventLog.push(org.orgId(), QboEntity.INVOICE, invoice, "130", QboOperation.CREATED, null,
                "{}"), start.plusSeconds(20), "system");
        events.store(QboEventLog.push(org.orgId(), QboEntity.INVOICE, invoice, "130", QboOperation.ERROR,
                new QboFault("6140", "Duplicate Document Number Error", null, null), "{}"), start.plusSeconds(30),
                "system");
        awaitLogOf(org, 4);

        assertThat(operations(org, "?entity=invoice")).containsExactly("error", "created");
        assertThat(operations(org, "?entity=CUSTOMER")).containsExactly("updated", "linked");
        assertThat(operations(org, "?outcome=error")).containsExactly("error");
        assertThat(operations(org, "?outcome=linked")).containsExactly("linked");
        assertThat(operations(org, "?localId=" + client)).containsExactly("updated", "linked");
        assertThat(operations(org, "?direction=push")).containsExactly("error", "created", "updated");
        assertThat(operations(org, "?direction=pull")).isEmpty();
        assertThat(operations(org, "?from=" + start.plusSeconds(10) + "&to=" + start.plusSeconds(20)))
                .containsExactly("created", "updated");
        assertThat(operations(org, "?entity=invoice&outcome=created")).containsExactly("created");
    }

    @Test
    void theLogIsPagedByCursorWithoutLosingOrRepeatingALine() {
        Api.Org org = api.signUp();
        Instant at = Instant.now().minus(3, ChronoUnit.HOURS);
        for (int i = 0; i < 5; i++) {
            // Two lines share each moment: the cursor must tell them apart by event id.
            events.store(QboEventLog.push(org.orgId(), QboEntity.CUSTOMER, UUID.randomUUID(), "1",
                    QboOperation.SKIPPED, null, null), at.plusSeconds(i / 2), "system");
        }
        awaitLogOf(org, 5);
        List<String> all = eventIds(org, "");
        List<String> paged = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Map<?, ?> page = api.get(org.token(), LOG + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            ((List<?>) page.get("items")).forEach(item -> paged.add((String) ((Map<?, ?>) item).get("eventId")));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        assertThat(paged).hasSize(5).containsExactlyElementsOf(all);
    }

    @Test
    void badFiltersAreRefusedNamingTheParameter() {
        Api.Org org = api.signUp();
        api.expectBadParameter(org.token(), LOG + "?status=error", "status");
        api.expectBadParameter(org.token(), LOG + "?entity=vendor", "entity");
        api.expectBadParameter(org.token(), LOG + "?outcome=exploded", "outcome");
        api.expectBadParameter(org.token(), LOG + "?direction=sideways", "direction");
        api.expectBadParameter(org.token(), LOG + "?localId=42", "localId");
        api.expectBadParameter(org.token(), LOG + "?from=yesterday", "from");
        api.expectBadParameter(org.token(), LOG + "?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to");
        api.expectBadParameter(org.token(), LOG + "?limit=0", "limit");
        api.get(org.token(), LOG + "?cursor=nonsense").exchange().expectStatus().isBadRequest();
    }

    @Test
    void anotherOrganizationSeesNoneOfIt() {
        Api.Org org = api.signUp();
        Api.Org other = api.signUp();
        UUID client = UUID.randomUUID();
        events.store(new QboLinked(org.orgId(), QboEntity.CUSTOMER, client, "realm-1", "58", QboLinkOrigin.CHOSEN));
        awaitLogOf(org, 1);
        api.get(other.token(), LOG + "?localId=" + client).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
        api.get(other.token(), "/api/v1/integrations/qbo/status").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.lastSyncAt").doesNotExist()
                .jsonPath("$.linked").isEmpty()
                .jsonPath("$.openErrors.count").isEqualTo(0);
        api.get(other.token(), "/api/v1/integrations/qbo/sync-history?asOf=" + Instant.now()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void theLogStatusAndHistoryNeedATokenAndTheViewPermission() {
        Api.Org org = api.signUp();
        Api.Session member = api.member(org, "member");
        Api.Session accountant = api.member(org, "accountant");
        for (String path : List.of(LOG, "/api/v1/integrations/qbo/status",
                "/api/v1/integrations/qbo/sync-history?asOf=2026-01-01T00:00:00Z")) {
            api.get(null, path).exchange().expectStatus().isUnauthorized();
            api.get(member.token(), path).exchange()
                    .expectStatus().isForbidden()
                    .expectBody().jsonPath("$.code").isEqualTo("auth.forbidden");
            api.get(accountant.token(), path).exchange().expectStatus().isOk();
        }
    }

    @Test
    void theStatusPanelShowsTheLastSyncTheLinkedRecordsAndTheOpenErrors() {
        Api.Org org = api.signUp();
        UUID acme = UUID.randomUUID();
        UUID globex = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        UUID fixed = UUID.randomUUID();
        Instant start = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        events.store(new QboLinked(org.orgId(), QboEntity.CUSTOMER, acme, "realm-1", "1", QboLinkOrigin.IMPORTED),
                start, "system");
        events.store(new QboLinked(org.orgId(), QboEntity.CUSTOMER, globex, "realm-1", "2", QboLinkOrigin.IMPORTED),
                start, "system");
        events.store(new QboLinked(org.orgId(), QboEntity.INVOICE, invoice, "realm-1", "130", QboLinkOrigin.CREATED),
                start.plusSeconds(1), "system");
        events.store(QboEventLog.push(org.orgId(), QboEntity.INVOICE, invoice, "130", QboOperation.CREATED, null,
                "{}"), start.plusSeconds(1), "system");
        events.store(QboEventLog.push(org.orgId(), QboEntity.CUSTOMER, globex, "2", QboOperation.CONFLICT, null,
                CUSTOMER_BODY), start.plusSeconds(2), "system");
        events.store(QboEventLog.push(org.orgId(), QboEntity.INVOICE, fixed, null, QboOperation.ERROR,
                new QboFault("6000", "Invalid", null, null), "{}"), start.plusSeconds(3), "system");
        events.store(QboEventLog.push(org.orgId(), QboEntity.INVOICE, fixed, "131", QboOperation.CREATED, null,
                "{}"), start.plusSeconds(4), "system");
        Instant lastError = start.plusSeconds(5);
        events.store(QboEventLog.push(org.orgId(), QboEntity.INVOICE, invoice, "130", QboOperation.ERROR,
                new QboFault("610", "Object Not Found", "Something you're trying to use has been made inactive",
                        "ValidationFault"), "{\"Id\":\"130\"}"), lastError, "system");
        awaitLogOf(org, 8);

        api.get(org.token(), "/api/v1/integrations/qbo/status").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.lastSyncAt").isEqualTo(lastError.toString())
                .jsonPath("$.linked.customer").isEqualTo(2)
                .jsonPath("$.linked.invoice").isEqualTo(1)
                .jsonPath("$.lastDay.created").isEqualTo(2)
                .jsonPath("$.lastDay.error").isEqualTo(2)
                .jsonPath("$.lastDay.conflict").isEqualTo(1)
                .jsonPath("$.lastDay.linked").doesNotExist()
                .jsonPath("$.openErrors.count").isEqualTo(2)
                .jsonPath("$.openErrors.latest.length()").isEqualTo(2)
                .jsonPath("$.openErrors.latest[0].localId").isEqualTo(invoice.toString())
                .jsonPath("$.openErrors.latest[0].entity").isEqualTo("invoice")
                .jsonPath("$.openErrors.latest[0].qboId").isEqualTo("130")
                .jsonPath("$.openErrors.latest[0].code").isEqualTo("610")
                .jsonPath("$.openErrors.latest[0].message").isEqualTo("Object Not Found")
                .jsonPath("$.openErrors.latest[0].at").isEqualTo(lastError.toString())
                .jsonPath("$.openErrors.latest[1].localId").isEqualTo(globex.toString())
                .jsonPath("$.openErrors.latest[1].operation").isEqualTo("conflict");
    }

    @Test
    void linkEventsOfOneRecordGiveTheSameStateInEitherOrder() {
        Api.Org org = api.signUp();
        UUID linkedFirst = UUID.randomUUID();
        UUID unlinkedFirst = UUID.randomUUID();
        Instant at = Instant.now().minus(10, ChronoUnit.MINUTES);
        // Stored in time order for one record, against it for the other: the later unlink wins for both.
        events.store(new QboLinked(org.orgId(), QboEntity.CUSTOMER, linkedFirst, "realm-1", "5", QboLinkOrigin.IMPORTED),
                at, "system");
        events.store(new QboUnlinked(org.orgId(), QboEntity.CUSTOMER, linkedFirst, "realm-1", "5", "wrong one"),
                at.plusSeconds(1), "system");
        events.store(new QboUnlinked(org.orgId(), QboEntity.CUSTOMER, unlinkedFirst, "realm-1", "5", "wrong one"),
                at.plusSeconds(1), "system");
        events.store(new QboLinked(org.orgId(), QboEntity.CUSTOMER, unlinkedFirst, "realm-1", "5",
                QboLinkOrigin.IMPORTED), at, "system");
        awaitLogOf(org, 4);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(linkState(org.orgId(), unlinkedFirst)).isEqualTo(linkState(org.orgId(), linkedFirst))
                        .containsEntry("linked", false)
                        .containsEntry("unlink_reason", "wrong one"));
    }

    @Test
    void theSyncHistoryShowsWhatWasTrueAtEachMoment() {
        Api.Org org = api.signUp();
        UUID client = UUID.randomUUID();
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant pushed = start.plusSeconds(60);
        Instant failed = start.plusSeconds(120);
        events.store(QboEventLog.push(org.orgId(), QboEntity.CUSTOMER, client, "58", QboOperation.CREATED, null,
                CUSTOMER_BODY), pushed, org.ownerId().toString());
        events.store(new QboLinked(org.orgId(), QboEntity.CUSTOMER, client, "realm-1", "58", QboLinkOrigin.CREATED),
                pushed, org.ownerId().toString());
        events.store(QboEventLog.push(org.orgId(), QboEntity.CUSTOMER, client, "58", QboOperation.ERROR,
                new QboFault("5010", "Stale Object Error", "You and root were working on this at the same time",
                        "ValidationFault"), "{\"Id\":\"58\",\"SyncToken\":\"0\",\"sparse\":true}"), failed, "system");

        String history = "/api/v1/integrations/qbo/sync-history?asOf=";
        api.get(org.token(), history + start).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.asOf").isEqualTo(start.toString())
                .jsonPath("$.items.length()").isEqualTo(0);
        api.get(org.token(), history + pushed.plusSeconds(1)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].entity").isEqualTo("customer")
                .jsonPath("$.items[0].localId").isEqualTo(client.toString())
                .jsonPath("$.items[0].realmId").isEqualTo("realm-1")
                .jsonPath("$.items[0].qboId").isEqualTo("58")
                .jsonPath("$.items[0].linked").isEqualTo(true)
                .jsonPath("$.items[0].linkedAt").isEqualTo(pushed.toString())
                .jsonPath("$.items[0].openError").isEqualTo(false)
                .jsonPath("$.items[0].lastAttempt.at").isEqualTo(pushed.toString())
                .jsonPath("$.items[0].lastAttempt.direction").isEqualTo("push")
                .jsonPath("$.items[0].lastAttempt.operation").isEqualTo("created")
                .jsonPath("$.items[0].lastAttempt.payload.DisplayName").isEqualTo("Acme, Inc.")
                .jsonPath("$.items[0].lastAttempt.fault").doesNotExist();
        api.get(org.token(), history + failed).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].linked").isEqualTo(true)
                .jsonPath("$.items[0].openError").isEqualTo(true)
                .jsonPath("$.items[0].lastAttempt.at").isEqualTo(failed.toString())
                .jsonPath("$.items[0].lastAttempt.operation").isEqualTo("error")
                .jsonPath("$.items[0].lastAttempt.requestId").isNotEmpty()
                .jsonPath("$.items[0].lastAttempt.payload.SyncToken").isEqualTo("0")
                .jsonPath("$.items[0].lastAttempt.fault.code").isEqualTo("5010")
                .jsonPath("$.items[0].lastAttempt.fault.detail")
                .isEqualTo("You and root were working on this at the same time")
                .jsonPath("$.items[0].lastAttempt.intuitTid").isEqualTo("1-abc-tid")
                .jsonPath("$.items[0].lastAttempt.note").isEqualTo("QuickBooks refused it");
    }

    @Test
    void theSyncHistoryAgreesWithTheLinkStateReadModelNow() {
        Api.Org org = api.signUp();
        UUID client = UUID.randomUUID();
        events.store(new QboLinked(org.orgId(), QboEntity.CUSTOMER, client, "realm-1", "9", QboLinkOrigin.CHOSEN));
        events.store(QboEventLog.push(org.orgId(), QboEntity.CUSTOMER, client, "9", QboOperation.CONFLICT, null,
                CUSTOMER_BODY));
        awaitLogOf(org, 2);
        Map<String, Object> row = linkState(org.orgId(), client);
        api.get(org.token(), "/api/v1/integrations/qbo/sync-history?asOf=" + Instant.now()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].linked").isEqualTo(row.get("linked"))
                .jsonPath("$.items[0].openError").isEqualTo(row.get("open_error"))
                .jsonPath("$.items[0].linkedAt")
                .isEqualTo(((java.sql.Timestamp) row.get("linked_at")).toInstant().toString())
                .jsonPath("$.items[0].lastAttempt.operation").isEqualTo("conflict");
    }

    @Test
    void theSyncHistoryNeedsAnInstant() {
        Api.Org org = api.signUp();
        String history = "/api/v1/integrations/qbo/sync-history";
        api.expectBadParameter(org.token(), history, "asOf");
        api.expectBadParameter(org.token(), history + "?asOf=2026-03-01", "asOf");
        api.expectBadParameter(org.token(), history + "?asOf=2026-03-01T00:00:00Z&entity=customer", "entity");
    }

    @Test
    void theSyncHistoryReadsOnlyTheOrganizationsQuickBooksEventsThroughItsIndex() {
        String plan = jdbc.execute((ConnectionCallback<String>) connection -> {
            try (var statement = connection.createStatement()) {
                // The test database is small: forbid the sequential scan to see whether the index can serve at all.
                statement.execute("SET enable_seqscan = off");
                StringBuilder lines = new StringBuilder();
                try (var result = statement.executeQuery("EXPLAIN SELECT eventidentifier FROM domainevententry"
                        + " WHERE payloadtype IN ('io.ledgerline.domain.qbo.QboLinked',"
                        + " 'io.ledgerline.domain.qbo.QboUnlinked', 'io.ledgerline.domain.qbo.QboSyncAttempted')"
                        + " AND qbo_event_org(payload) = '" + UUID.randomUUID() + "'"
                        + " AND timestamp::timestamptz <= now() ORDER BY globalindex")) {
                    while (result.next()) {
                        lines.append(result.getString(1)).append('\n');
                    }
                }
                statement.execute("RESET enable_seqscan");
                return lines.toString();
            }
        });
        assertThat(plan).contains("domainevententry_qbo_org");
    }

    @Test
    void theLogIsBuiltByAPooledProcessorThatHandlesEachRecordInOrder() {
        assertThat(processing.eventProcessor("qbo-sync-log"))
                .containsInstanceOf(org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor.class);
        assertThat(processing.sequencingPolicy("qbo-sync-log"))
                .isInstanceOf(io.ledgerline.projections.qbo.QboRecordSequencing.class);
    }

    private void awaitLogOf(Api.Org org, int lines) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(eventIds(org, "")).hasSize(lines));
    }

    private List<String> eventIds(Api.Org org, String query) {
        return items(org, query).stream().map(item -> (String) item.get("eventId")).toList();
    }

    private List<String> operations(Api.Org org, String query) {
        return items(org, query).stream().map(item -> (String) item.get("operation")).toList();
    }

    private List<Map<?, ?>> items(Api.Org org, String query) {
        Map<?, ?> page = api.get(org.token(), LOG + query + (query.isEmpty() ? "?" : "&") + "limit=500").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) page.get("items")).stream().<Map<?, ?>>map(item -> (Map<?, ?>) item).toList();
    }

    private Map<String, Object> linkState(UUID orgId, UUID localId) {
        Map<String, Object> row = new java.util.HashMap<>(jdbc.queryForMap(
                "SELECT * FROM qbo_link_state_view WHERE org_id = ? AND local_id = ?", orgId, localId));
        // The record and its events' identifiers differ by construction; everything else must be the same.
        List.of("local_id", "link_event_id", "last_attempt_event_id").forEach(row::remove);
        return row;
    }
}
