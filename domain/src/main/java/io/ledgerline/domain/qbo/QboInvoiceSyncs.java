package io.ledgerline.domain.qbo;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** Identities of the QuickBooks side of invoices, derived so that every node and every retry finds the same one. */
public final class QboInvoiceSyncs {

    private QboInvoiceSyncs() {
    }

    /** The {@link QboInvoiceSync} of an invoice; unique across aggregate types by its prefix. */
    public static UUID syncIdOf(UUID invoiceId) {
        return UUID.nameUUIDFromBytes(("qbo-invoice:" + invoiceId).getBytes(UTF_8));
    }

    /** The Ledgerline payment recorded for one QuickBooks payment applied to one invoice: the same on every pull. */
    public static UUID paymentIdOf(String realmId, String qboPaymentId, UUID invoiceId) {
        return UUID.nameUUIDFromBytes(("qbo-payment:" + realmId + ":" + qboPaymentId + ":" + invoiceId)
                .getBytes(UTF_8));
    }

    /**
     * The {@code requestid} of a push: the same for every retry of one invoice version in one generation (so
     * Intuit can answer a retry with the original response), new for a new version or a deliberate re-create.
     */
    public static String pushRequestId(UUID invoiceId, long invoiceVersion, int generation) {
        return "ll-" + compact(invoiceId) + "-" + invoiceVersion + "-" + generation;
    }

    /**
     * The {@code requestid} of an update: never the create's (Intuit would answer an update carrying the create's
     * requestid with the create's old response, changing nothing), and the same only for the same update of the
     * same QuickBooks invoice at the same SyncToken, which is safe to answer with its first response.
     */
    public static String updateRequestId(UUID invoiceId, long invoiceVersion, int generation, String qboId,
                                         String syncToken) {
        String key = invoiceId + ":" + invoiceVersion + ":" + generation + ":" + qboId + ":" + syncToken;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(UTF_8));
            return "lu-" + HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** The {@code requestid} of voiding the invoice in QuickBooks, the same on every retry. */
    public static String voidRequestId(UUID invoiceId, int generation) {
        return "ll-" + compact(invoiceId) + "-void-" + generation;
    }

    private static String compact(UUID id) {
        return id.toString().replace("-", "");
    }
}
