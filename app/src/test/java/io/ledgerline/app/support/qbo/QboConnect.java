package io.ledgerline.app.support.qbo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import java.util.Map;
import okhttp3.HttpUrl;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Connects an organization to a fake QuickBooks company the way an admin does: {@code POST
 * /api/v1/integrations/qbo/connect} as the owner, then Intuit's redirect to {@code GET
 * /api/v1/integrations/qbo/callback} with a code for the realm and the {@code state} from the authorization URL.
 */
public final class QboConnect {

    private QboConnect() {
    }

    public static void connect(WebTestClient web, Api.Org org, QboFake.Realm realm) {
        connect(new Api(web), org, realm);
    }

    public static void connect(Api api, Api.Org org, QboFake.Realm realm) {
        Map<?, ?> started = api.post(org.token(), "/api/v1/integrations/qbo/connect", Map.of())
                .exchange()
                .expectStatus().is2xxSuccessful()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(started.get("authorizationUrl")).as("authorizationUrl").isInstanceOf(String.class);
        HttpUrl authorizationUrl = HttpUrl.get((String) started.get("authorizationUrl"));
        String state = authorizationUrl.queryParameter("state");
        assertThat(state).as("state in %s", authorizationUrl).isNotBlank();
        // Api's paths are URI templates that Spring encodes; state and code must stay as they are on the way.
        assertThat(state).as("state is URL-safe").matches("[A-Za-z0-9._~-]+");
        String code = QboFake.shared().authorizationCode(realm);
        String callback = "/api/v1/integrations/qbo/callback?code=" + code + "&state=" + state
                + "&realmId=" + realm.id();
        api.get(null, callback)
                .exchange()
                .expectStatus().value(status -> assertThat(status).as("callback status").isBetween(200, 399));
    }
}
