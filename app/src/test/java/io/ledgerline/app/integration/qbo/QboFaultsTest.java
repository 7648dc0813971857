package io.ledgerline.app.integration.qbo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.integration.qbo.QboException.Kind;
import io.ledgerline.domain.qbo.QboFault;
import org.junit.jupiter.api.Test;

class QboFaultsTest {

    @Test
    void readsTheApisUppercaseJsonFault() {
        String body = """
                {"Fault":{"Error":[{"Message":"Duplicate Name Exists Error","Detail":"The name supplied already exists. : \
                Another customer, vendor or employee is already using this name.","code":"6240","element":""}],\
                "type":"ValidationFault"},"time":"2017-09-29T09:17:31.892-07:00"}""";

        QboFault fault = QboFaults.parse(body).orElseThrow();

        assertThat(fault.code()).isEqualTo("6240");
        assertThat(fault.message()).isEqualTo("Duplicate Name Exists Error");
        assertThat(fault.detail()).contains("already using this name");
        assertThat(fault.type()).isEqualTo("ValidationFault");
        assertThat(QboFaults.kindOf(400, fault)).isEqualTo(Kind.DUPLICATE_NAME);
    }

    @Test
    void readsTheGatewaysLowercaseFault() {
        String body = """
                {"fault":{"error":[{"message":"message=AuthenticationFailed; errorCode=003200; statusCode=401",\
                "detail":"Token expired: AB11","code":"3200"}],"type":"AUTHENTICATION"}}""";

        QboFault fault = QboFaults.parse(body).orElseThrow();

        assertThat(fault).isEqualTo(new QboFault("3200",
                "message=AuthenticationFailed; errorCode=003200; statusCode=401", "Token expired: AB11",
                "AUTHENTICATION"));
        assertThat(QboFaults.kindOf(401, fault)).isEqualTo(Kind.AUTHORIZATION_EXPIRED);
    }

    @Test
    void readsAThrottleFaultSentAsXmlWithStatus403() {
        String body = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <IntuitResponse xmlns="http://schema.intuit.com/finance/v3" time="2024-09-05T10:00:00.000-07:00">
                  <Fault type="SERVICE">
                    <Error code="3001" element="">
                      <Message>message=ThrottleExceeded; errorCode=003001; statusCode=403</Message>
                      <Detail>The request limit was reached. Try again later</Detail>
                    </Error>
                  </Fault>
                </IntuitResponse>""";

        QboFault fault = QboFaults.parse(body).orElseThrow();

        assertThat(fault.code()).isEqualTo("3001");
        assertThat(fault.message()).startsWith("message=ThrottleExceeded");
        assertThat(fault.detail()).isEqualTo("The request limit was reached. Try again later");
        assertThat(fault.type()).isEqualTo("SERVICE");
        assertThat(QboFaults.kindOf(403, fault)).isEqualTo(Kind.THROTTLED);
    }

    @Test
    void findsAFaultInsideA200() {
        QboFault fault = QboFaults.parse("""
                {"Fault":{"Error":[{"Message":"Stale Object Error","Detail":"You and root were working on this at \
                the same time.","code":"5010"}],"type":"ValidationFault"}}""").orElseThrow();

        assertThat(QboFaults.kindOf(200, fault)).isEqualTo(Kind.STALE_OBJECT);
    }

    @Test
    void readsOAuthErrors() {
        QboFault fault = QboFaults.parse("{\"error\":\"invalid_grant\",\"error_description\":\"Token invalid\"}")
                .orElseThrow();

        assertThat(fault.code()).isEqualTo("invalid_grant");
        assertThat(fault.message()).isEqualTo("Token invalid");
    }

    @Test
    void anAnswerWithoutAFaultHasNone() {
        assertThat(QboFaults.parse("{\"Customer\":{\"Id\":\"1\"}}")).isEmpty();
        assertThat(QboFaults.parse("<html>Bad gateway</html>")).isEmpty();
        assertThat(QboFaults.parse("")).isEmpty();
        assertThat(QboFaults.parse("not json")).isEmpty();
    }

    @Test
    void refusesDoctypesInXml() {
        String hostile = """
                <?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <IntuitResponse><Fault><Error code="&x;"><Message>m</Message></Error></Fault></IntuitResponse>""";

        assertThat(QboFaults.parse(hostile)).isEmpty();
    }

    @Test
    void classifiesByCodeThenByStatus() {
        assertThat(QboFaults.kindOf(400, fault("6140", "Duplicate Document Number Error")))
                .isEqualTo(Kind.DUPLICATE_DOC_NUMBER);
        assertThat(QboFaults.kindOf(400, fault("6210", "Duplicate Document Number Error")))
                .isEqualTo(Kind.DUPLICATE_DOC_NUMBER);
        assertThat(QboFaults.kindOf(400, fault("610", "Object Not Found"))).isEqualTo(Kind.NOT_FOUND);
        assertThat(QboFaults.kindOf(404, null)).isEqualTo(Kind.NOT_FOUND);
        assertThat(QboFaults.kindOf(429, null)).isEqualTo(Kind.THROTTLED);
        assertThat(QboFaults.kindOf(403, fault("3100", "ApplicationAuthorizationFailed")))
                .isEqualTo(Kind.ACCESS_DENIED);
        assertThat(QboFaults.kindOf(403, fault("120", "Authorization Failure"))).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(QboFaults.kindOf(500, fault(null, "An application error has occurred")))
                .isEqualTo(Kind.UNAVAILABLE);
        assertThat(QboFaults.kindOf(503, null)).isEqualTo(Kind.UNAVAILABLE);
        assertThat(QboFaults.kindOf(400, fault("6000", "A business validation error has occurred")))
                .isEqualTo(Kind.REJECTED);
    }

    @Test
    void quotesQueryValuesWithApostrophesAndBackslashes() {
        assertThat(QboApi.quote("King's Groceries")).isEqualTo("'King\\'s Groceries'");
        assertThat(QboApi.quote("A\\B")).isEqualTo("'A\\\\B'");
        assertThat(QboApi.quote("O’Brien – Partners")).isEqualTo("'O’Brien – Partners'");
    }

    private static QboFault fault(String code, String message) {
        return new QboFault(code, message, null, "ValidationFault");
    }
}
