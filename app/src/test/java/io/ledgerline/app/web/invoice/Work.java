package io.ledgerline.app.web.invoice;

import io.ledgerline.app.support.Api;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Approved time and expenses for a client, made through the ledger's and the expense list's API as users would. */
final class Work {

    /** Monday of the week before last: a week that is over, in the test organizations' time zone. */
    static final LocalDate WEEK = InvoiceApi.TODAY.minusWeeks(2)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

    private final Api api;
    private final WebTestClient web;

    Work(Api api, WebTestClient web) {
        this.api = api;
        this.web = web;
    }

    /** An hourly project (at 120.00) of the client, with a task "Design". */
    record Project(UUID projectId, String name, UUID taskId) {
    }

    Project project(Api.Org org, UUID clientId, String billingMethod) {
        String name = "Website " + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", clientId.toString());
        body.put("name", name);
        body.put("billingMethod", billingMethod);
        if (billingMethod.equals("hourly")) {
            body.put("hourlyRate", 120);
        }
        UUID projectId = created(api.post(org.token(), "/api/v1/projects", body));
        UUID taskId = created(api.post(org.token(), "/api/v1/projects/" + projectId + "/tasks",
                Map.of("name", "Design")));
        api.get(org.token(), "/api/v1/projects/" + projectId + "?minVersion=1").exchange().expectStatus().isOk();
        return new Project(projectId, name, taskId);
    }

    /** Logs time as the member on a day of {@link #WEEK}; {@code taskId} may be null. */
    UUID log(Api.Session member, Project project, UUID taskId, int day, int minutes) {
        Map<String, Object> body = new HashMap<>();
        body.put("projectId", project.projectId().toString());
        if (taskId != null) {
            body.put("taskId", taskId.toString());
        }
        body.put("date", WEEK.plusDays(day).toString());
        body.put("minutes", minutes);
        body.put("description", "Design review");
        return created(api.post(member.token(), "/api/v1/time-entries", body));
    }

    /** The member submits {@link #WEEK}, the owner approves it. */
    void approveWeek(Api.Org org, Api.Session member) {
        String week = "/api/v1/timesheets/" + member.memberId() + "/" + WEEK;
        post(member.token(), week + "/submit", null).expectStatus().isOk();
        post(org.token(), week + "/approve", null).expectStatus().isOk();
    }

    /** A billable expense of the member on the project on Friday of {@link #WEEK}, submitted and approved. */
    UUID approvedExpense(Api.Org org, Api.Session member, Project project, String amount, String currency) {
        UUID categoryId = created(api.post(org.token(), "/api/v1/expense-categories",
                Map.of("name", "Travel " + UUID.randomUUID().toString().substring(0, 8))));
        Map<String, Object> body = new HashMap<>();
        body.put("date", WEEK.plusDays(4).toString());
        body.put("amount", new BigDecimal(amount));
        body.put("currency", currency);
        body.put("merchant", "Deutsche Bahn");
        body.put("categoryId", categoryId.toString());
        body.put("projectId", project.projectId().toString());
        body.put("description", "Train to Hamburg");
        body.put("billable", true);
        UUID expenseId = created(api.post(member.token(), "/api/v1/expenses", body));
        post(member.token(), "/api/v1/expenses/" + expenseId + "/submit", null).expectStatus().isOk();
        post(org.token(), "/api/v1/expenses/" + expenseId + "/approve", null).expectStatus().isOk();
        return expenseId;
    }

    WebTestClient.ResponseSpec post(String token, String path, Object body) {
        WebTestClient.RequestBodySpec request = web.post().uri(path).headers(headers -> headers.setBearerAuth(token));
        return body == null ? request.exchange() : request.bodyValue(body).exchange();
    }

    private UUID created(WebTestClient.RequestHeadersSpec<?> request) {
        Map<?, ?> written = request.exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) written.get("id"));
    }
}
