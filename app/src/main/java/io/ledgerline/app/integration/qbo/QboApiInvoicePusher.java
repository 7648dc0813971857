package io.ledgerline.app.integration.qbo;

import io.ledgerline.domain.invoice.InvoiceDocument;
import io.ledgerline.domain.invoice.Stage;
import io.ledgerline.domain.qbo.QboEntity;
import io.ledgerline.domain.qbo.QboFault;
import io.ledgerline.domain.qbo.QboInvoicePusher;
import io.ledgerline.domain.qbo.QboInvoiceSyncs;
import io.ledgerline.domain.qbo.QboLinkOrigin;
import io.ledgerline.domain.qbo.QboLinkRef;
import io.ledgerline.domain.qbo.QboLinks;
import io.ledgerline.domain.qbo.QboOperation;
import io.ledgerline.domain.qbo.QboSyncPolicy;
import io.ledgerline.domain.qbo.QboSyncPolicy.ActiveQbo;
import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.projections.invoice.InvoiceHistory;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pushes invoices with the QuickBooks API. Whatever fails, an invoice ends up as exactly one QuickBooks invoice:
 * a linked one is only ever read and updated; an unlinked one is always looked up by its number first (a previous
 * attempt may have committed without us learning it: a timeout, a lost response, a crash before the event was
 * stored), and created only when QuickBooks has none, with a requestid that is the same on every retry.
 */
@Component
class QboApiInvoicePusher implements QboInvoicePusher {

    /** QuickBooks' answers for a change it will not make to a paid or deposited invoice. */
    private static final List<String> PAID_INVOICE_REFUSALS = List.of("6000", "6540");

    private final QboApi api;
    private final QboSyncPolicy policy;
    private final QboLinks links;
    private final InvoiceHistory invoices;
    private final QboInvoicePayloads payloads;
    private final QboServiceItems items;
    private final JsonMapper json;

    QboApiInvoicePusher(QboApi api, QboSyncPolicy policy, QboLinks links, InvoiceHistory invoices,
                        QboInvoicePayloads payloads, QboServiceItems items, JsonMapper json) {
        this.api = api;
        this.policy = policy;
        this.links = links;
        this.invoices = invoices;
        this.payloads = payloads;
        this.items = items;
        this.json = json;
    }

    @Override
    public QboInvoicePush push(UUID orgId, UUID invoiceId, String linkedQboId, int generation) {
        InvoiceDocument invoice = invoices.current(invoiceId)
                .filter(document -> document.orgId().equals(orgId) && !document.deleted())
                .orElseThrow(() -> BusinessRuleViolation.notFound("invoice.not_found", "No such invoice."));
        ActiveQbo active = policy.requireInvoiceSync(orgId);
        requireFinalized(invoice);
        String customerId = customerOf(orgId, invoice, active.realmId());
        Attempt attempt = new Attempt(orgId, invoiceId, generation, active.realmId(), invoice.version(),
                QboInvoiceSyncs.pushRequestId(invoiceId, invoice.version(), generation));
        try {
            Optional<String> item = items.serviceItem(orgId, active.realmId());
            if (item.isEmpty()) {
                return attempt.error(null, null, new QboFault("qbo.no_service_item",
                        "The QuickBooks company has no active Service item", null, null), null,
                        "Create a Service item named \"Services\" in QuickBooks (Sales → Products and services), "
                                + "then push the invoice again.");
            }
            attempt.body = payloads.invoice(invoice, customerId, item.get());
            if (linkedQboId != null) {
                return update(attempt, linkedQboId, null);
            }
            Optional<ObjectNode> existing = byNumber(orgId, invoice.number());
            if (existing.isPresent()) {
                return adopt(attempt, existing.get(), customerId);
            }
            try {
                QboReply created = api.create(orgId, "Invoice", attempt.body, attempt.requestId);
                return attempt.done(QboOperation.CREATED, created, QboLinkOrigin.CREATED, null);
            } catch (QboException e) {
                if (e.kind() != QboException.Kind.DUPLICATE_DOC_NUMBER) {
                    throw e;
                }
                // Taken since the look-up (or by an invisible concurrent create): find it, and link it if it is ours.
                Optional<ObjectNode> taken = byNumber(orgId, invoice.number());
                if (taken.isEmpty()) {
                    throw e;
                }
                return adopt(attempt, taken.get(), customerId);
            }
        } catch (QboException e) {
            return attempt.failed(e, null);
        }
    }

    @Override
    public QboInvoicePush voidInvoice(UUID orgId, UUID invoiceId, String realmId, String qboId, int generation) {
        Attempt attempt = new Attempt(orgId, invoiceId, generation, realmId, null,
                QboInvoiceSyncs.voidRequestId(invoiceId, generation));
        try {
            QboReply current = api.read(orgId, "Invoice", qboId);
            QboReply voided = api.voidInvoice(orgId, qboId, current.entity().path("SyncToken").asString(),
                    attempt.requestId);
            return attempt.done(QboOperation.VOIDED, voided, null, "Voided in QuickBooks.");
        } catch (QboException e) {
            if (e.kind() == QboException.Kind.NOT_FOUND) {
                return attempt.deleted(qboId, e);
            }
            return attempt.failed(e, qboId);
        }
    }

    /** Links the invoice QuickBooks has under our number, when it is under our customer; then brings it in step. */
    private QboInvoicePush adopt(Attempt attempt, ObjectNode found, String customerId) {
        String qboId = found.path("Id").asString();
        if (!customerId.equals(found.path("CustomerRef").path("value").asString())) {
            return attempt.error(qboId, null, new QboFault("qbo.doc_number_in_use", "DocNumber in use",
                    "QuickBooks invoice " + qboId + " has this number under another customer", null), null,
                    "DocNumber in use: QuickBooks invoice " + qboId + " already has number "
                            + found.path("DocNumber").asString() + " under another customer. Renumber or delete "
                            + "that invoice in QuickBooks, then push again.");
        }
        if (!payloads.differs(found, attempt.body)) {
            return attempt.done(QboOperation.LINKED, new QboReply(found, null), QboLinkOrigin.MATCHED,
                    "Found in QuickBooks by its number and linked; it already matched.");
        }
        return update(attempt, qboId, QboLinkOrigin.MATCHED);
    }

    /**
     * A sparse update sending the full line set (a partial {@code Line} array would delete the others), with the
     * SyncToken read just before: a 5010 means somebody changed it in between, so it is read and tried once more;
     * a second 5010 is a conflict and nothing is overwritten.
     */
    private QboInvoicePush update(Attempt attempt, String qboId, QboLinkOrigin linkedAs) {
        QboReply current;
        try {
            current = api.read(attempt.orgId, "Invoice", qboId);
        } catch (QboException e) {
            if (e.kind() == QboException.Kind.NOT_FOUND && linkedAs == null) {
                return attempt.deleted(qboId, e);
            }
            return attempt.failed(e, qboId);
        }
        if (!payloads.differs(current.entity(), attempt.body)) {
            return attempt.done(linkedAs == null ? QboOperation.SKIPPED : QboOperation.LINKED, current, linkedAs,
                    "QuickBooks already has the invoice as it is here.");
        }
        for (int tries = 1; ; tries++) {
            String syncToken = current.entity().path("SyncToken").asString();
            ObjectNode sparse = attempt.body.deepCopy();
            sparse.put("Id", qboId);
            sparse.put("SyncToken", syncToken);
            sparse.put("sparse", true);
            attempt.sent = sparse;
            attempt.requestId = QboInvoiceSyncs.updateRequestId(attempt.invoiceId, attempt.version, attempt.generation,
                    qboId, syncToken);
            try {
                QboReply updated = api.update(attempt.orgId, "Invoice", sparse, attempt.requestId);
                return attempt.done(QboOperation.UPDATED, updated, linkedAs,
                        linkedAs == null ? null : "Found in QuickBooks by its number, linked and updated.");
            } catch (QboException e) {
                if (e.kind() != QboException.Kind.STALE_OBJECT) {
                    return attempt.failed(e, qboId, linkedAs);
                }
                if (tries == 2) {
                    return attempt.conflict(qboId, e, linkedAs);
                }
                try {
                    current = api.read(attempt.orgId, "Invoice", qboId);
                } catch (QboException reread) {
                    return attempt.failed(reread, qboId, linkedAs);
                }
            }
        }
    }

    private Optional<ObjectNode> byNumber(UUID orgId, String number) {
        return api.query(orgId, "Invoice", "DocNumber = " + QboApi.quote(number)).stream().findFirst();
    }

    private static void requireFinalized(InvoiceDocument invoice) {
        if (invoice.stage() != Stage.FINALIZED) {
            throw BusinessRuleViolation.conflict("qbo.invoice_not_finalized", invoice.stage() == Stage.VOID
                    ? "The invoice is void: only finalized invoices are pushed to QuickBooks."
                    : "The invoice is a draft: finalize it before pushing it to QuickBooks.");
        }
    }

    private String customerOf(UUID orgId, InvoiceDocument invoice, String realmId) {
        return links.linkOf(orgId, QboEntity.CUSTOMER, invoice.clientId())
                .filter(link -> link.realmId().equals(realmId))
                .map(QboLinkRef::qboId)
                .orElseThrow(() -> BusinessRuleViolation.conflict("qbo.client_not_linked",
                        "The invoice's client is not linked to a QuickBooks customer: link or push the client "
                                + "first."));
    }

    static Instant updatedAt(JsonNode record) {
        JsonNode updated = record.path("MetaData").path("LastUpdatedTime");
        return updated.isMissingNode() || updated.isNull() ? null
                : OffsetDateTime.parse(updated.asString()).toInstant();
    }

    /** One push or void in progress: what it is about, and what it sent last, for the sync log. */
    private final class Attempt {

        final UUID orgId;
        final UUID invoiceId;
        final int generation;
        final String realmId;
        final Long version;
        /** The requestid of the last write sent (or about to be): the create's, then an update's. */
        String requestId;
        ObjectNode body;
        ObjectNode sent;

        Attempt(UUID orgId, UUID invoiceId, int generation, String realmId, Long version, String requestId) {
            this.orgId = orgId;
            this.invoiceId = invoiceId;
            this.generation = generation;
            this.realmId = realmId;
            this.version = version;
            this.requestId = requestId;
        }

        QboInvoicePush done(QboOperation operation, QboReply reply, QboLinkOrigin linkedAs, String note) {
            ObjectNode entity = reply.entity();
            return new QboInvoicePush(operation, realmId, entity.path("Id").asString(), linkedAs, version, requestId,
                    entity.path("SyncToken").asString(null), updatedAt(entity), null, reply.intuitTid(), payload(),
                    note, 0);
        }

        QboInvoicePush deleted(String qboId, QboException e) {
            return new QboInvoicePush(QboOperation.DELETED, realmId, qboId, null, version, requestId, null, null,
                    e.fault(), e.intuitTid(), payload(), "Deleted in QuickBooks: it is not pushed again by itself; "
                    + "a force resync re-creates it.", 0);
        }

        QboInvoicePush conflict(String qboId, QboException e, QboLinkOrigin linkedAs) {
            return new QboInvoicePush(QboOperation.CONFLICT, realmId, qboId, linkedAs, version, requestId, null, null,
                    e.fault(), e.intuitTid(), payload(), "Changed in QuickBooks twice while it was being updated: "
                    + "nothing was overwritten; push again to bring it in step.", 0);
        }

        QboInvoicePush error(String qboId, QboLinkOrigin linkedAs, QboFault fault, String intuitTid, String note) {
            return new QboInvoicePush(QboOperation.ERROR, realmId, qboId, linkedAs, version, requestId, null, null,
                    fault, intuitTid, payload(), note, 0);
        }

        QboInvoicePush failed(QboException e, String qboId) {
            return failed(e, qboId, null);
        }

        QboInvoicePush failed(QboException e, String qboId, QboLinkOrigin linkedAs) {
            return switch (e.kind()) {
                case THROTTLED, UNAVAILABLE -> new QboInvoicePush(QboOperation.DEFERRED, realmId, qboId, linkedAs,
                        version, requestId, null, null, e.fault(), e.intuitTid(), payload(),
                        (e.kind() == QboException.Kind.THROTTLED ? "Throttled by QuickBooks"
                                : e.outcomeUnknown() ? "No answer from QuickBooks; it may have committed, so the "
                                + "retry looks the invoice up by its number first"
                                : "QuickBooks is unavailable") + ": retried in " + e.retryAfterSeconds() + " s.",
                        e.retryAfterSeconds());
                case AUTHORIZATION_EXPIRED, NOT_CONNECTED, ACCESS_DENIED -> new QboInvoicePush(QboOperation.DEFERRED,
                        realmId, qboId, linkedAs, version, requestId, null, null, e.fault(), e.intuitTid(), payload(),
                        "Waiting for a reconnect: QuickBooks no longer accepts the connection; an admin reconnects "
                                + "it under Integrations.", e.retryAfterSeconds());
                default -> error(qboId, linkedAs, e.fault(), e.intuitTid(), noteFor(e, qboId));
            };
        }

        private String noteFor(QboException e, String qboId) {
            String code = e.fault() == null ? null : e.fault().code();
            if (qboId != null && code != null && PAID_INVOICE_REFUSALS.contains(code)) {
                return "QuickBooks refuses to change this invoice (paid or deposited there); its lines and payment "
                        + "links were left as they are.";
            }
            if (e.kind() == QboException.Kind.NOT_FOUND) {
                // The remembered Service item may be the inactive reference: the next push looks again.
                items.forget(realmId);
                return "The QuickBooks customer or item this invoice refers to is inactive or deleted: make the "
                        + "customer active again in QuickBooks (or link the client to another customer), then push "
                        + "again. No customer was created.";
            }
            return "QuickBooks refused the invoice" + (e.fault() == null ? "." : ": " + e.fault().message()
                    + (e.fault().detail() == null ? "" : " (" + e.fault().detail() + ")"));
        }

        private String payload() {
            ObjectNode last = sent != null ? sent : body;
            return last == null ? null : json.writeValueAsString(last);
        }
    }
}
