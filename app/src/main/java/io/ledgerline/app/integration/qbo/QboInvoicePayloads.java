package io.ledgerline.app.integration.qbo;

import io.ledgerline.domain.invoice.InvoiceDocument;
import io.ledgerline.domain.invoice.InvoiceLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Ledgerline invoice as the QuickBooks Invoice it is pushed as, and whether a QuickBooks invoice already says the
 * same. Amounts are the invoice's own rounded amounts, so QuickBooks' total equals ours to the cent: a line whose
 * quantity times unit price is not exactly its amount goes as one unit of its amount (never a 6070), and the tax
 * goes as a line of its own instead of letting QuickBooks round a tax code differently.
 */
@Component
public class QboInvoicePayloads {

    private final JsonMapper json;

    public QboInvoicePayloads(JsonMapper json) {
        this.json = json;
    }

    /** The full invoice body (for a create; an update adds Id, SyncToken and {@code sparse}). */
    public ObjectNode invoice(InvoiceDocument invoice, String qboCustomerId, String serviceItemId) {
        ObjectNode body = json.createObjectNode();
        body.putObject("CustomerRef").put("value", qboCustomerId);
        body.put("DocNumber", invoice.number());
        // Business dates, exactly as the invoice has them: never converted through a time zone.
        body.put("TxnDate", invoice.terms().issueDate().toString());
        body.put("DueDate", invoice.terms().dueDate().toString());
        body.put("PrivateNote", "Ledgerline invoice " + invoice.invoiceId());
        if (invoice.billTo() != null && invoice.billTo().email() != null) {
            body.putObject("BillEmail").put("Address", invoice.billTo().email());
        }
        if (invoice.terms().notes() != null) {
            body.putObject("CustomerMemo").put("value", invoice.terms().notes());
        }
        body.set("Line", lines(invoice, serviceItemId));
        return body;
    }

    /**
     * Whether the QuickBooks invoice differs from what would be sent: customer, number, dates, and every line's
     * description, amount, quantity, unit price and item. What QuickBooks adds (Ids, a subtotal line) is ignored.
     */
    public boolean differs(JsonNode qbo, ObjectNode ours) {
        return !Objects.equals(text(qbo.path("CustomerRef").path("value")),
                text(ours.path("CustomerRef").path("value")))
                || !Objects.equals(text(qbo.path("DocNumber")), text(ours.path("DocNumber")))
                || !Objects.equals(text(qbo.path("TxnDate")), text(ours.path("TxnDate")))
                || !Objects.equals(text(qbo.path("DueDate")), text(ours.path("DueDate")))
                || !comparableLines(qbo.path("Line")).equals(comparableLines(ours.path("Line")));
    }

    /** QuickBooks' total of an invoice, compared to the cent. */
    public static BigDecimal money(JsonNode amount) {
        return amount.isMissingNode() || amount.isNull() ? BigDecimal.ZERO.setScale(2)
                : amount.decimalValue().setScale(2, RoundingMode.HALF_UP);
    }

    /** QuickBooks voids an invoice by zeroing it and noting "Voided"; it stays readable, unlike a deleted one. */
    public static boolean voided(JsonNode invoice) {
        return invoice.path("PrivateNote").asString("").startsWith("Voided")
                && money(invoice.path("TotalAmt")).signum() == 0;
    }

    private ArrayNode lines(InvoiceDocument invoice, String serviceItemId) {
        ArrayNode lines = json.createArrayNode();
        int number = 1;
        for (InvoiceLine line : invoice.lines()) {
            boolean exact = line.quantity().multiply(line.unitPrice()).compareTo(line.amount()) == 0;
            String description = exact ? line.description()
                    : line.description() + " (" + plain(line.quantity()) + " × " + plain(line.unitPrice()) + ")";
            lines.add(line(number++, description, line.amount(), exact ? line.quantity() : BigDecimal.ONE,
                    exact ? line.unitPrice() : line.amount(), serviceItemId));
        }
        BigDecimal tax = invoice.tax();
        if (tax.signum() != 0) {
            lines.add(line(number, "Tax " + plain(invoice.terms().taxRate()) + " %", tax, BigDecimal.ONE, tax,
                    serviceItemId));
        }
        return lines;
    }

    private ObjectNode line(int number, String description, BigDecimal amount, BigDecimal quantity,
                            BigDecimal unitPrice, String serviceItemId) {
        ObjectNode line = json.createObjectNode();
        line.put("LineNum", number);
        line.put("Description", description);
        line.put("Amount", amount);
        line.put("DetailType", "SalesItemLineDetail");
        ObjectNode detail = line.putObject("SalesItemLineDetail");
        detail.putObject("ItemRef").put("value", serviceItemId);
        detail.put("Qty", quantity.stripTrailingZeros());
        detail.put("UnitPrice", unitPrice.stripTrailingZeros());
        return line;
    }

    private static List<String> comparableLines(JsonNode lines) {
        List<String> comparable = new ArrayList<>();
        for (JsonNode line : lines) {
            if (!"SalesItemLineDetail".equals(text(line.path("DetailType")))) {
                continue;
            }
            JsonNode detail = line.path("SalesItemLineDetail");
            comparable.add(text(line.path("Description")) + "|" + money(line.path("Amount")) + "|"
                    + decimal(detail.path("Qty")) + "|" + decimal(detail.path("UnitPrice")) + "|"
                    + text(detail.path("ItemRef").path("value")));
        }
        return comparable;
    }

    private static String decimal(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? null : plain(value.decimalValue());
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
