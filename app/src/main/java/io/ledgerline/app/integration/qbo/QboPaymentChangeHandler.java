package io.ledgerline.app.integration.qbo;

import io.ledgerline.domain.invoice.PaymentMethod;
import io.ledgerline.domain.invoice.RecordPayment;
import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboFault;
import io.ledgerline.domain.qbo.QboInvoiceSyncs;
import io.ledgerline.domain.qbo.QboLinks;
import io.ledgerline.domain.qbo.QboOperation;
import io.ledgerline.domain.qbo.RecordQboPaymentPull;
import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.projections.invoice.InvoiceHistory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A payment received in QuickBooks against a linked invoice is recorded on the invoice here, once: its Ledgerline
 * id is derived from the QuickBooks payment and invoice, so the same change arriving again (CDC and a webhook, a
 * redelivery) finds it recorded and is skipped. A payment beyond the balance here is refused and logged.
 */
@Component
class QboPaymentChangeHandler implements QboChangeHandler {

    private final QboLinks links;
    private final InvoiceHistory invoices;
    private final CommandGateway commands;

    QboPaymentChangeHandler(QboLinks links, InvoiceHistory invoices, CommandGateway commands) {
        this.links = links;
        this.invoices = invoices;
        this.commands = commands;
    }

    @Override
    public Set<String> entities() {
        return Set.of("Payment");
    }

    @Override
    public void apply(UUID orgId, String realmId, String entity, ObjectNode record) {
        if ("Deleted".equalsIgnoreCase(record.path("status").asString(""))) {
            return;
        }
        String qboPaymentId = record.path("Id").asString();
        Instant updatedAt = QboApiInvoicePusher.updatedAt(record);
        LocalDate paidOn = LocalDate.parse(record.path("TxnDate").asString());
        for (JsonNode line : record.path("Line")) {
            for (JsonNode linkedTxn : line.path("LinkedTxn")) {
                if (!"Invoice".equals(linkedTxn.path("TxnType").asString(""))) {
                    continue;
                }
                Optional<UUID> invoiceId = links.localIdOf(orgId, QboEntity.INVOICE, realmId,
                        linkedTxn.path("TxnId").asString());
                invoiceId.ifPresent(invoice -> record(orgId, realmId, qboPaymentId, invoice,
                        line.path("Amount").decimalValue(), paidOn, updatedAt));
            }
        }
    }

    private void record(UUID orgId, String realmId, String qboPaymentId, UUID invoiceId, BigDecimal amount,
                        LocalDate paidOn, Instant updatedAt) {
        UUID paymentId = QboInvoiceSyncs.paymentIdOf(realmId, qboPaymentId, invoiceId);
        boolean recorded = invoices.current(invoiceId).orElseThrow().payments().stream()
                .anyMatch(payment -> payment.paymentId().equals(paymentId));
        if (recorded) {
            commands.sendAndWait(new RecordQboPaymentPull(orgId, invoiceId, paymentId, realmId, qboPaymentId,
                    QboOperation.SKIPPED, updatedAt, null, "Already recorded on the invoice."));
            return;
        }
        try {
            commands.sendAndWait(new RecordPayment(orgId, invoiceId, paymentId, amount, paidOn, PaymentMethod.OTHER,
                    "QuickBooks payment " + qboPaymentId));
            commands.sendAndWait(new RecordQboPaymentPull(orgId, invoiceId, paymentId, realmId, qboPaymentId,
                    QboOperation.CREATED, updatedAt, null, "Recorded " + amount.toPlainString()
                    + " received in QuickBooks on " + paidOn + "."));
        } catch (BusinessRuleViolation refused) {
            commands.sendAndWait(new RecordQboPaymentPull(orgId, invoiceId, paymentId, realmId, qboPaymentId,
                    QboOperation.ERROR, updatedAt, new QboFault(refused.code(), refused.getMessage(), null, null),
                    "Not recorded here: " + refused.getMessage() + " Check the payment in QuickBooks and record it "
                            + "by hand if it belongs to this invoice."));
        }
    }
}
