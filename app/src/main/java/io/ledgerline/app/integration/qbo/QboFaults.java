package io.ledgerline.app.integration.qbo;

import io.ledgerline.app.integration.qbo.QboException.Kind;
import io.ledgerline.domain.qbo.QboFault;
import java.io.StringReader;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a QuickBooks refusal in every shape Intuit sends one (contract §3, edge case 30): the API's
 * {@code {"Fault":{"Error":[…],"type"}}}, the gateway's lowercase {@code {"fault":{"error":[…]}}}, the XML
 * {@code <IntuitResponse><Fault>} that throttling answers with even when JSON was asked for, a Fault inside a 200,
 * and the OAuth endpoints' {@code {"error","error_description"}}. Then says what kind of failure it is.
 */
public final class QboFaults {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, Kind> KIND_BY_CODE = Map.of(
            "5010", Kind.STALE_OBJECT,
            "6240", Kind.DUPLICATE_NAME,
            "6140", Kind.DUPLICATE_DOC_NUMBER,
            "610", Kind.NOT_FOUND,
            "120", Kind.ACCESS_DENIED,
            "3100", Kind.ACCESS_DENIED);

    private QboFaults() {
    }

    /** The fault in a response body, whatever its shape; empty when the body carries none (or is not JSON/XML). */
    public static Optional<QboFault> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        String trimmed = body.strip();
        if (trimmed.startsWith("<")) {
            return fromXml(trimmed);
        }
        try {
            return fromJson(JSON.readTree(trimmed));
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }

    /** The fault in a parsed JSON answer (or a batch item): {@code Fault}/{@code fault}, or an OAuth error. */
    public static Optional<QboFault> fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            return Optional.empty();
        }
        JsonNode fault = field(body, "fault");
        if (fault != null && fault.isObject()) {
            JsonNode errors = field(fault, "error");
            JsonNode first = errors != null && errors.isArray() && !errors.isEmpty() ? errors.get(0)
                    : errors != null && errors.isObject() ? errors : null;
            String type = text(field(fault, "type"));
            if (first == null) {
                return Optional.of(new QboFault(null, type, null, type));
            }
            return Optional.of(new QboFault(text(field(first, "code")), text(field(first, "message")),
                    text(field(first, "detail")), type));
        }
        String oauthError = text(body.get("error"));
        if (oauthError != null) {
            return Optional.of(new QboFault(oauthError, text(body.get("error_description")), null, "OAuth"));
        }
        return Optional.empty();
    }

    /** What a refusal means for the caller, from Intuit's code first and the HTTP status second. */
    public static Kind kindOf(int status, QboFault fault) {
        String code = fault == null || fault.code() == null ? "" : fault.code().strip();
        if (throttled(status, fault)) {
            return Kind.THROTTLED;
        }
        Kind byCode = KIND_BY_CODE.get(code);
        if (byCode != null) {
            return byCode;
        }
        if (fault != null && fault.message() != null
                && fault.message().toLowerCase(Locale.ROOT).contains("duplicate document number")) {
            return Kind.DUPLICATE_DOC_NUMBER;
        }
        if (status == 404) {
            return Kind.NOT_FOUND;
        }
        if (status == 401 || "3200".equals(code) || "invalid_grant".equals(code)) {
            return Kind.AUTHORIZATION_EXPIRED;
        }
        if (status >= 500) {
            return Kind.UNAVAILABLE;
        }
        return Kind.REJECTED;
    }

    /** 429, or fault 3001 / "ThrottleExceeded" whatever the status (older answers were 403, some are XML). */
    static boolean throttled(int status, QboFault fault) {
        if (status == 429) {
            return true;
        }
        if (fault == null) {
            return false;
        }
        if ("3001".equals(fault.code()) || "003001".equals(fault.code())) {
            return true;
        }
        return fault.message() != null && fault.message().contains("ThrottleExceeded");
    }

    private static Optional<QboFault> fromXml(String body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // An answer from the network is untrusted: no DTDs, no external entities.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            Element root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(body)))
                    .getDocumentElement();
            Element fault = "Fault".equalsIgnoreCase(root.getLocalName()) ? root : child(root, "Fault");
            if (fault == null) {
                return Optional.empty();
            }
            String type = blankToNull(fault.getAttribute("type"));
            Element error = child(fault, "Error");
            if (error == null) {
                return Optional.of(new QboFault(null, type, null, type));
            }
            return Optional.of(new QboFault(blankToNull(error.getAttribute("code")), childText(error, "Message"),
                    childText(error, "Detail"), type));
        } catch (Exception notXml) {
            return Optional.empty();
        }
    }

    private static Element child(Element parent, String localName) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node node = children.item(i);
            if (node instanceof Element element && localName.equalsIgnoreCase(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static String childText(Element parent, String localName) {
        Element child = child(parent, localName);
        return child == null ? null : blankToNull(child.getTextContent());
    }

    /** A property of {@code node} whatever the case of its name: Intuit's gateway lowercases them. */
    private static JsonNode field(JsonNode node, String name) {
        for (String property : node.propertyNames()) {
            if (property.equalsIgnoreCase(name)) {
                return node.get(property);
            }
        }
        return null;
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainer()) {
            return null;
        }
        return blankToNull(node.asString());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
