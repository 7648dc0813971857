package io.ledgerline.app.integration.qbo;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class QboResyncRestartIntegrationTest extends IntegrationTest {

    @Autowired
    QboResyncRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aJobLeftRunningByAStopIsFailedWithTheReasonAtStartUp() {
        Api.Org org = api.signUp();
        UUID jobId = UUID.randomUUID();
        jdbc.update("""
                        INSERT INTO qbo_sync_job (job_id, org_id, requested_by, status, dry_run, requested_at, started_at)
                        VALUES (?, ?, ?, 'running', false, ?, ?)""",
                jobId, org.orgId(), org.ownerId().toString(), Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now()));

        // What the application does when it is ready after a restart.
        runner.failAbandonedJobs();

        api.get(org.token(), "/api/v1/integrations/qbo/sync-jobs/" + jobId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("failed")
                .jsonPath("$.reason").isEqualTo(QboResyncRunner.ABANDONED)
                .jsonPath("$.finishedAt").isNotEmpty();
    }
}
