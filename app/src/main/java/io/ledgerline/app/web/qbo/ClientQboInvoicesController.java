package io.ledgerline.app.web.qbo;

import io.ledgerline.app.integration.qbo.QboApi;
import io.ledgerline.app.integration.qbo.QboInvoicePayloads;
import io.ledgerline.app.integration.qbo.QboProperties;
import io.ledgerline.app.security.Callers;
import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.domain.client.ClientDirectory;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboLinkRef;
import io.ledgerline.domain.qbo.QboLinks;
import io.ledgerline.projections.qbo.QboImportedInvoiceView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * A client's invoices as QuickBooks has them right now, asked for by the client page on its own so that the page
 * never waits for QuickBooks.
 */
@RestController
@Tag(name = "QuickBooks invoices")
class ClientQboInvoicesController {

    private static final String MAY_VIEW = "hasAuthority('" + Permissions.INVOICES_VIEW + "')";

    private final QboApi api;
    private final QboLinks links;
    private final ClientDirectory clients;
    private final QboProperties properties;

    ClientQboInvoicesController(QboApi api, QboLinks links, ClientDirectory clients, QboProperties properties) {
        this.api = api;
        this.links = links;
        this.clients = clients;
        this.properties = properties;
    }

    /**
     * @param status              paid, partial, unpaid or voided, from QuickBooks' balance
     * @param ledgerlineInvoiceId the Ledgerline invoice pushed as it, when it was
     */
    record ClientQboInvoice(String qboInvoiceId, String docNumber, BigDecimal total, BigDecimal balance,
                            String status, String dueDate, String txnDate, String url, UUID ledgerlineInvoiceId) {
    }

    record ClientQboInvoices(List<ClientQboInvoice> items) {
    }

    @GetMapping("/api/v1/clients/{clientId}/qbo-invoices")
    @PreAuthorize(MAY_VIEW)
    @Operation(summary = "The client's invoices in QuickBooks now: number, total, balance, status, due date, link")
    Mono<ClientQboInvoices> invoices(@PathVariable UUID clientId) {
        return Callers.current().flatMap(caller -> Mono.fromCallable(() -> {
            if (clients.standing(caller.orgId(), clientId).isEmpty()) {
                throw ApiProblem.notFound("client.not_found", "No such client.");
            }
            QboLinkRef customer = links.linkOf(caller.orgId(), QboEntity.CUSTOMER, clientId)
                    .orElseThrow(() -> ApiProblem.conflict("qbo.client_not_linked",
                            "The client is not linked to a QuickBooks customer."));
            List<ClientQboInvoice> items = api.query(caller.orgId(), "Invoice",
                            "CustomerRef = " + QboApi.quote(customer.qboId())).stream()
                    .map(invoice -> item(caller.orgId(), customer.realmId(), invoice))
                    .sorted(Comparator.comparing(ClientQboInvoice::txnDate,
                            Comparator.nullsLast(Comparator.reverseOrder())))
                    .toList();
            return new ClientQboInvoices(items);
        }).subscribeOn(Schedulers.boundedElastic()));
    }

    private ClientQboInvoice item(UUID orgId, String realmId, JsonNode invoice) {
        String qboId = invoice.path("Id").asString();
        BigDecimal total = QboInvoicePayloads.money(invoice.path("TotalAmt"));
        BigDecimal balance = QboInvoicePayloads.money(invoice.path("Balance"));
        return new ClientQboInvoice(qboId, invoice.path("DocNumber").asString(null), total, balance,
                QboImportedInvoiceView.statusOf(total, balance, QboInvoicePayloads.voided(invoice)),
                invoice.path("DueDate").asString(null),
                invoice.path("TxnDate").asString(null), properties.webAppBase() + "/invoice?txnId=" + qboId,
                links.localIdOf(orgId, QboEntity.INVOICE, realmId, qboId).orElse(null));
    }
}
