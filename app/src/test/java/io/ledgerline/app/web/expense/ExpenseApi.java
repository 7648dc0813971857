package io.ledgerline.app.web.expense;

import io.ledgerline.app.support.Api;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Expenses, their categories and what they refer to, made through the API as a user would. */
final class ExpenseApi {

    static final String EXPENSES = "/api/v1/expenses";
    static final String CATEGORIES = "/api/v1/expense-categories";
    static final String MAPPINGS = "/api/v1/expense-merchant-mappings";

    private final Api api;
    private final WebTestClient web;

    ExpenseApi(Api api, WebTestClient web) {
        this.api = api;
        this.web = web;
    }

    static Map<String, Object> expense(UUID categoryId, String merchant, Object amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("date", "2026-05-04");
        body.put("amount", amount);
        body.put("merchant", merchant);
        if (categoryId != null) {
            body.put("categoryId", categoryId.toString());
        }
        return body;
    }

    UUID category(String token, String name) {
        return id(api.post(token, CATEGORIES, Map.of("name", name)));
    }

    UUID client(String token) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return id(api.post(token, "/api/v1/clients", Map.of("name", "Client " + suffix, "code", "C-" + suffix)));
    }

    /** Creates a project and waits for its read model, which expense reads take the project's name from. */
    UUID project(String token, UUID clientId, String name) {
        UUID projectId = id(api.post(token, "/api/v1/projects",
                Map.of("clientId", clientId.toString(), "name", name, "billingMethod", "fixed_fee")));
        api.get(token, "/api/v1/projects/" + projectId + "?minVersion=0").exchange().expectStatus().isOk();
        return projectId;
    }

    UUID create(String token, Map<String, Object> body) {
        return id(api.post(token, EXPENSES, body));
    }

    /** Waits until the read model shows the expense at this version, and returns the caller's view of it. */
    WebTestClient.BodyContentSpec read(String token, UUID expenseId, long version) {
        return api.get(token, EXPENSES + "/" + expenseId + "?minVersion=" + version).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + version + "\"")
                .expectBody();
    }

    WebTestClient.ResponseSpec action(String token, UUID expenseId, String action, Object body) {
        return api.post(token, EXPENSES + "/" + expenseId + "/" + action, body).exchange();
    }

    WebTestClient.ResponseSpec action(String token, UUID expenseId, String action, Object body, String ifMatch) {
        return web.post().uri(EXPENSES + "/" + expenseId + "/" + action)
                .headers(headers -> {
                    headers.setBearerAuth(token);
                    headers.set(HttpHeaders.IF_MATCH, ifMatch);
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    /** Submits as the expense's member and approves as someone allowed to. */
    void submitAndApprove(String memberToken, String approverToken, UUID expenseId) {
        action(memberToken, expenseId, "submit", Map.of()).expectStatus().isOk();
        action(approverToken, expenseId, "approve", Map.of()).expectStatus().isOk();
    }

    WebTestClient.ResponseSpec upload(String token, UUID expenseId, MediaType type, byte[] file, String ifMatch) {
        return web.put().uri(EXPENSES + "/" + expenseId + "/receipt")
                .headers(headers -> {
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                    if (ifMatch != null) {
                        headers.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .contentType(type)
                .bodyValue(file)
                .exchange();
    }

    private UUID id(WebTestClient.RequestHeadersSpec<?> request) {
        Map<?, ?> written = request.exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) written.get("id"));
    }
}
