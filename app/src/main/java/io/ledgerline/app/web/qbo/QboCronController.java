package io.ledgerline.app.web.qbo;

import io.ledgerline.app.integration.qbo.QboChangesPuller;
import io.ledgerline.app.integration.qbo.QboProperties;
import io.ledgerline.app.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Lets an outside scheduler (a cron job, a platform's scheduled task) run the change pull now. Authenticated by the
 * configured cron token instead of a member's bearer token; without one configured the endpoint does not exist.
 */
@RestController
@RequestMapping("/api/v1/cron")
@Tag(name = "Cron", description = "Scheduled work an outside scheduler can trigger")
class QboCronController {

    static final String TOKEN_HEADER = "X-Ledgerline-Cron-Token";

    private final QboChangesPuller puller;
    private final QboProperties properties;

    QboCronController(QboChangesPuller puller, QboProperties properties) {
        this.puller = puller;
        this.properties = properties;
    }

    @PostMapping("/qbo-sync-all")
    @Operation(summary = "Pull QuickBooks changes for every connected organization now; answers when done")
    Mono<QboChangesPuller.Round> syncAll(@RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        String expected = properties.cronToken();
        if (expected == null || expected.isBlank()) {
            return Mono.error(ApiProblem.notFound("not_found", "No such endpoint."));
        }
        if (token == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            return Mono.error(new ApiProblem(HttpStatus.UNAUTHORIZED, "cron.token_invalid",
                    "The " + TOKEN_HEADER + " header is missing or wrong."));
        }
        return Mono.fromCallable(puller::pullAll).subscribeOn(Schedulers.boundedElastic());
    }
}
