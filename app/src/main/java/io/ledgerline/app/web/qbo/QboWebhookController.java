package io.ledgerline.app.web.qbo;

import io.ledgerline.app.integration.qbo.QboWebhookInbox;
import io.ledgerline.app.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Intuit's webhook deliveries. No bearer token: the signature over the raw bytes authenticates them (a body parsed
 * and written again would not verify). Answered as soon as the notifications are stored: Intuit waits 3 seconds.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Notifications from the systems Ledgerline syncs with")
class QboWebhookController {

    static final String SIGNATURE = "intuit-signature";

    private final QboWebhookInbox inbox;

    QboWebhookController(QboWebhookInbox inbox) {
        this.inbox = inbox;
    }

    @PostMapping("/qbo")
    @Operation(summary = "QuickBooks Online change notifications (legacy eventNotifications or CloudEvents), "
            + "signed with intuit-signature")
    Mono<QboWebhookInbox.Received> receive(@RequestBody(required = false) byte[] body,
                                           @RequestHeader(name = SIGNATURE, required = false) String signature) {
        byte[] raw = body == null ? new byte[0] : body;
        if (!inbox.signedByIntuit(raw, signature)) {
            return Mono.error(new ApiProblem(HttpStatus.UNAUTHORIZED, "qbo.webhook_signature_invalid",
                    "The intuit-signature header is missing or does not match the body."));
        }
        return Mono.fromCallable(() -> inbox.receive(raw))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(IllegalArgumentException.class,
                        e -> ApiProblem.badRequest("qbo.webhook_body_invalid", e.getMessage()));
    }
}
