package io.ledgerline.projections.project;

import io.ledgerline.domain.project.BillingMethod;
import io.ledgerline.domain.project.Budget;
import io.ledgerline.domain.project.ProjectStatus;
import io.ledgerline.projections.shared.Cursor;
import io.ledgerline.projections.shared.Slice;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
public class ProjectQueries {

    private final DatabaseClient database;

    public ProjectQueries(DatabaseClient database) {
        this.database = database;
    }

    /** One project with all its tasks (active ones and inactive ones), tasks by name. */
    public Mono<ProjectView> fetch(FetchProject query) {
        return database.sql("SELECT * FROM project_view WHERE org_id = :orgId AND project_id = :projectId")
                .bind("orgId", query.orgId())
                .bind("projectId", query.projectId())
                .map(ProjectQueries::project)
                .one()
                .flatMap(project -> database.sql("""
                                SELECT * FROM task_view WHERE org_id = :orgId AND project_id = :projectId
                                ORDER BY lower(name), task_id""")
                        .bind("orgId", query.orgId())
                        .bind("projectId", query.projectId())
                        .map(ProjectQueries::task)
                        .all()
                        .collectList()
                        .map(project::withTasks));
    }

    /**
     * Keyset-paged by (lower(name), project_id); the indexes project_view_client, project_view_org and
     * project_view_org_name serve the client, status and unfiltered lists.
     */
    public Mono<Slice<ProjectView>> find(FindProjects query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM project_view WHERE org_id = :orgId");
        if (query.clientId() != null) {
            sql.append(" AND client_id = :clientId");
        }
        if (query.status() != null) {
            sql.append(" AND status = :status");
        }
        if (query.search() != null) {
            sql.append(" AND lower(name) LIKE :search ESCAPE '\\'");
        }
        Cursor after = query.window().after();
        if (after != null) {
            sql.append(" AND (lower(name), project_id) > (:afterName, :afterId)");
        }
        sql.append(" ORDER BY lower(name), project_id LIMIT :limit");
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.toString())
                .bind("orgId", query.orgId())
                .bind("limit", query.window().fetchSize());
        if (query.clientId() != null) {
            spec = spec.bind("clientId", query.clientId());
        }
        if (query.status() != null) {
            spec = spec.bind("status", query.status().name());
        }
        if (query.search() != null) {
            spec = spec.bind("search", "%" + escapeLike(query.search().toLowerCase(Locale.ROOT)) + "%");
        }
        if (after != null) {
            spec = spec.bind("afterName", after.value(0)).bind("afterId", after.uuid(1));
        }
        return spec.map(ProjectQueries::project).all().collectList()
                .map(rows -> Slice.of(rows, query.window(),
                        last -> Cursor.of(last.name().toLowerCase(Locale.ROOT), last.id().toString())));
    }

    /** What the caller typed is matched literally: % and _ are not wildcards to them. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static ProjectView project(Readable row) {
        return new ProjectView(row.get("project_id", UUID.class), row.get("client_id", UUID.class),
                row.get("name", String.class), row.get("code", String.class),
                BillingMethod.valueOf(row.get("billing_method", String.class)),
                row.get("hourly_rate", BigDecimal.class),
                new Budget(row.get("budget_hours", BigDecimal.class), row.get("budget_amount", BigDecimal.class)),
                row.get("start_date", LocalDate.class), row.get("end_date", LocalDate.class),
                ProjectStatus.valueOf(row.get("status", String.class)),
                row.get("created_at", OffsetDateTime.class).toInstant(), row.get("version", Long.class), null);
    }

    private static TaskView task(Readable row) {
        return new TaskView(row.get("task_id", UUID.class), row.get("name", String.class),
                Boolean.TRUE.equals(row.get("billable", Boolean.class)), row.get("rate_override", BigDecimal.class),
                Boolean.TRUE.equals(row.get("active", Boolean.class)), row.get("version", Long.class));
    }
}
