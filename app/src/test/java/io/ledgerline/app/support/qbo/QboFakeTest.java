package io.ledgerline.app.support.qbo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The QuickBooks fake against raw HTTP: the executable statement of the contract it follows
 * ({@code shared/contracts/quickbooks-online.md}), and of the faults it can be told to produce.
 */
class QboFakeTest {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final QboFake FAKE = QboFake.shared();

    private final OkHttpClient http = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .readTimeout(Duration.ofSeconds(5))
            .build();

    private QboFake.Realm realm;
    private String accessToken;
    private String refreshToken;

    record Answer(int status, String body, okhttp3.Headers headers) {

        JsonNode json() {
            return QboFake.JSON.readTree(body);
        }

        /** The first error of an uppercase {@code Fault}. */
        JsonNode error() {
            return json().path("Fault").path("Error").path(0);
        }
    }

    @BeforeEach
    void connect() throws IOException {
        realm = FAKE.newRealm("Craig's Design and Landscaping");
        Answer tokens = exchange(FAKE.authorizationCode(realm), QboFake.REDIRECT_URI);
        assertThat(tokens.status()).isEqualTo(200);
        accessToken = tokens.json().get("access_token").asString();
        refreshToken = tokens.json().get("refresh_token").asString();
    }

    // ---- OAuth -------------------------------------------------------------------------------------------------

    @Nested
    class OAuth {

        @Test
        void aCodeIsExchangedOnceForTheRealmsTokensWithIntuitsLifetimes() throws IOException {
            String code = FAKE.authorizationCode(realm);
            Answer first = exchange(code, QboFake.REDIRECT_URI);
            assertThat(first.status()).isEqualTo(200);
            JsonNode tokens = first.json();
            assertThat(tokens.get("token_type").asString()).isEqualTo("bearer");
            assertThat(tokens.get("expires_in").asLong()).isEqualTo(3600);
            assertThat(tokens.get("x_refresh_token_expires_in").asLong()).isEqualTo(8_726_400);
            assertThat(tokens.get("x_refresh_token_hard_expires_in").asLong())
                    .isBetween(QboFake.REFRESH_TOKEN_HARD_SECONDS - 60, QboFake.REFRESH_TOKEN_HARD_SECONDS);
            assertThat(realm.accessToken()).isEqualTo(tokens.get("access_token").asString());
            assertThat(realm.refreshToken()).isEqualTo(tokens.get("refresh_token").asString());

            Answer again = exchange(code, QboFake.REDIRECT_URI);
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.json().get("error").asString()).isEqualTo("invalid_grant");
            assertThat(exchange("unknown-code", QboFake.REDIRECT_URI).json().get("error").asString())
                    .isEqualTo("invalid_grant");
        }

        @Test
        void theRedirectUriMustBeTheRegisteredOne() throws IOException {
            Answer answer = exchange(FAKE.authorizationCode(realm), "https://elsewhere.test/callback");
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("error").asString()).isEqualTo("invalid_grant");
        }

        @Test
        void wrongClientCredentialsAreInvalidClient() throws IOException {
            Request request = new Request.Builder().url(FAKE.tokenUrl())
                    .header("Authorization", okhttp3.Credentials.basic(QboFake.CLIENT_ID, "wrong"))
                    .post(new FormBody.Builder().add("grant_type", "refresh_token")
                            .add("refresh_token", refreshToken).build())
                    .build();
            Answer answer = send(request);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.json().get("error").asString()).isEqualTo("invalid_client");
        }

        @Test
        void aRefreshKeepsTheRefreshTokenAndCountsAndTheOldAccessTokenStillWorks() throws IOException {
            Answer refreshed = refresh(refreshToken);
            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(refreshed.json().get("refresh_token").asString()).isEqualTo(refreshToken);
            String newAccess = refreshed.json().get("access_token").asString();
            assertThat(newAccess).isNotEqualTo(accessToken);
            assertThat(realm.refreshCount()).isEqualTo(1);
            assertThat(realm.accessToken()).isEqualTo(newAccess);
            assertThat(get("/companyinfo/" + realm.id(), accessToken).status()).isEqualTo(200);
            assertThat(get("/companyinfo/" + realm.id(), newAccess).status()).isEqualTo(200);
        }

        @Test
        void aRotatedRefreshTokenReplacesTheOldOneWhichIsThenInvalidGrant() throws IOException {
            realm.rotateRefreshTokenOnNextRefresh();
            Answer rotated = refresh(refreshToken);
            String newRefresh = rotated.json().get("refresh_token").asString();
            assertThat(newRefresh).isNotEqualTo(refreshToken);
            assertThat(realm.refreshToken()).isEqualTo(newRefresh);

            Answer old = refresh(refreshToken);
            assertThat(old.status()).isEqualTo(400);
            assertThat(old.json().get("error").asString()).isEqualTo("invalid_grant");
            assertThat(old.json().get("error_description").asString()).isEqualTo("Incorrect or invalid refresh token");
            assertThat(refresh(newRefresh).json().get("refresh_token").asString()).isEqualTo(newRefresh);
            assertThat(realm.refreshCount()).isEqualTo(2);
            assertThat(realm.requests()).filteredOn(r -> r.path().equals(QboFake.TOKEN_PATH))
                    .extracting(r -> QboFake.form(r.body()).get("refresh_token"))
                    .containsSubsequence(refreshToken, refreshToken, newRefresh);
        }

        @Test
        void aRevokedGrantRefusesTheRefreshTokenAndEveryAccessToken() throws IOException {
            realm.revokeRefreshToken();
            assertThat(refresh(refreshToken).json().get("error").asString()).isEqualTo("invalid_grant");
            assertThat(get("/companyinfo/" + realm.id(), accessToken).status()).isEqualTo(401);
            assertThat(realm.refreshToken()).isNull();
            assertThat(realm.accessToken()).isNull();
        }

        @Test
        void theRevokeEndpointInvalidatesTheGrantAndRefusesUnknownTokens() throws IOException {
            assertThat(revoke(refreshToken).status()).isEqualTo(200);
            assertThat(refresh(refreshToken).status()).isEqualTo(400);
            assertThat(get("/companyinfo/" + realm.id(), accessToken).status()).isEqualTo(401);
            assertThat(revoke(refreshToken).status()).isEqualTo(400);
        }

        @Test
        void anExpiredAccessTokenIsTheGatewaysLowercase3200UntilRefreshed() throws IOException {
            realm.expireAccessToken();
            Answer refused = get("/companyinfo/" + realm.id(), accessToken);
            assertThat(refused.status()).isEqualTo(401);
            JsonNode error = refused.json().path("fault").path("error").path(0);
            assertThat(error.get("code").asString()).isEqualTo("3200");
            assertThat(error.get("message").asString())
                    .isEqualTo("message=AuthenticationFailed; errorCode=003200; statusCode=401");
            assertThat(refused.json().path("fault").get("type").asString()).isEqualTo("AUTHENTICATION");

            String fresh = refresh(refreshToken).json().get("access_token").asString();
            assertThat(get("/companyinfo/" + realm.id(), fresh).status()).isEqualTo(200);
        }

        @Test
        void aTokenOpensOnlyItsOwnCompany() throws IOException {
            QboFake.Realm other = FAKE.newRealm("Someone Else");
            Answer answer = get("/companyinfo/" + other.id(), accessToken, other);
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.json().path("fault").path("error").path(0).get("code").asString()).isEqualTo("3100");
        }

        @Test
        void anAdminWhoLostAccessGetsFault120() throws IOException {
            realm.revokeAccess();
            Answer answer = get("/companyinfo/" + realm.id(), accessToken);
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.error().get("code").asString()).isEqualTo("120");
        }
    }

    // ---- query -------------------------------------------------------------------------------------------------

    @Nested
    class Query {

        @Test
        void quotesAreEscapedWithABackslashAndAnUnescapedQuoteIsFault4000() throws IOException {
            realm.addCustomer("Adam's Shop", "adam@example.com");
            realm.addCustomer("Back\\slash", null);

            Answer found = query("SELECT * FROM Customer WHERE DisplayName = 'Adam\\'s Shop'");
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.json().path("QueryResponse").path("Customer").path(0).get("DisplayName").asString())
                    .isEqualTo("Adam's Shop");
            assertThat(query("SELECT * FROM Customer WHERE DisplayName = 'Back\\\\slash'").json()
                    .path("QueryResponse").path("Customer")).hasSize(1);

            Answer broken = query("SELECT * FROM Customer WHERE DisplayName = 'Adam's Shop'");
            assertThat(broken.status()).isEqualTo(400);
            assertThat(broken.error().get("code").asString()).isEqualTo("4000");
            assertThat(broken.error().get("Message").asString()).isEqualTo("Error parsing query");
        }

        @Test
        void theQueryMayComeAsAPostedStatement() throws IOException {
            realm.addCustomer("Posted", null);
            Request request = api("/query?minorversion=75", accessToken, realm)
                    .post(RequestBody.create("SELECT * FROM Customer WHERE DisplayName = 'Posted'",
                            MediaType.get("application/text")))
                    .build();
            assertThat(send(request).json().path("QueryResponse").path("Customer")).hasSize(1);
        }

        @Test
        void pagesWithStartPositionAndMaxResultsDefaulting100AndCappedAt1000() throws IOException {
            for (int i = 1; i <= 1005; i++) {
                realm.addCustomer("Customer " + i, null);
            }
            JsonNode page = query("SELECT * FROM Customer STARTPOSITION 3 MAXRESULTS 2").json().path("QueryResponse");
            assertThat(page.get("startPosition").asInt()).isEqualTo(3);
            assertThat(page.get("maxResults").asInt()).isEqualTo(2);
            assertThat(page.path("Customer").path(0).get("DisplayName").asString()).isEqualTo("Customer 3");
            assertThat(query("SELECT * FROM Customer").json().path("QueryResponse").get("maxResults").asInt())
                    .isEqualTo(100);
            assertThat(query("SELECT * FROM Customer MAXRESULTS 5000").json().path("QueryResponse")
                    .get("maxResults").asInt()).isEqualTo(1000);
            JsonNode last = query("SELECT * FROM Customer STARTPOSITION 1001 MAXRESULTS 1000").json()
                    .path("QueryResponse");
            assertThat(last.path("Customer")).hasSize(5);
            assertThat(query("SELECT COUNT(*) FROM Customer").json().path("QueryResponse").get("totalCount").asInt())
                    .isEqualTo(1005);
        }

        @Test
        void anEmptyAnswerHasNoEntityKey() throws IOException {
            JsonNode response = query("SELECT * FROM Invoice WHERE DocNumber = 'nothing'").json();
            assertThat(response.path("QueryResponse").isObject()).isTrue();
            assertThat(response.path("QueryResponse").has("Invoice")).isFalse();
            assertThat(response.has("time")).isTrue();
        }

        @Test
        void nameListsAnswerActiveRecordsUnlessActiveIsAskedFor() throws IOException {
            String gone = realm.addCustomer("Gone Ltd", null).get("Id").asString();
            realm.addCustomer("Here Ltd", "here@example.com");
            realm.deactivateCustomer(gone);
            assertThat(query("SELECT * FROM Customer").json().path("QueryResponse").path("Customer")).hasSize(1);
            assertThat(query("SELECT * FROM Customer WHERE Active = false").json().path("QueryResponse")
                    .path("Customer").path(0).get("Id").asString()).isEqualTo(gone);
            assertThat(query("SELECT * FROM Customer WHERE Active IN (true, false) AND DisplayName LIKE '%ltd%'")
                    .json().path("QueryResponse").path("Customer")).hasSize(2);
            assertThat(query("SELECT * FROM Customer WHERE PrimaryEmailAddr = 'here@example.com'").json()
                    .path("QueryResponse").path("Customer")).hasSize(1);
        }

        @Test
        void filtersOnIdCustomerRefAndLastUpdatedTime() throws IOException {
            String customer = realm.addCustomer("Ref Co", null).get("Id").asString();
            ObjectNode invoice = realm.addInvoice(customer, "R-1", new BigDecimal("10.00"), LocalDate.now(),
                    LocalDate.now());
            String since = invoice.path("MetaData").get("LastUpdatedTime").asString();
            assertThat(query("SELECT * FROM Invoice WHERE CustomerRef = '" + customer + "'").json()
                    .path("QueryResponse").path("Invoice")).hasSize(1);
            assertThat(query("SELECT * FROM Invoice WHERE Id = '" + invoice.get("Id").asString() + "'").json()
                    .path("QueryResponse").path("Invoice")).hasSize(1);
            assertThat(query("SELECT * FROM Invoice WHERE MetaData.LastUpdatedTime >= '" + since + "'").json()
                    .path("QueryResponse").path("Invoice")).hasSize(1);
            assertThat(query("SELECT * FROM Invoice WHERE MetaData.LastUpdatedTime > '" + since + "'").json()
                    .path("QueryResponse").has("Invoice")).isFalse();
            assertThat(query("SELECT * FROM Item WHERE Name = 'Services'").json().path("QueryResponse")
                    .path("Item").path(0).get("Id").asString()).isEqualTo("1");
        }

        @Test
        void anUnknownPropertyOrEntityIsAValidationFault() throws IOException {
            assertThat(query("SELECT * FROM Customer WHERE Nickname = 'x'").error().get("code").asString())
                    .isEqualTo("4001");
            assertThat(query("SELECT * FROM Gadget").error().get("code").asString()).isEqualTo("4001");
        }
    }

    // ---- customers ---------------------------------------------------------------------------------------------

    @Nested
    class Customers {

        @Test
        void aCreatedCustomerComesBackWithQuickBooksFields() throws IOException {
            Answer created = post("/customer", "{\"DisplayName\":\"King's Groceries\",\"GivenName\":\"James\","
                    + "\"PrimaryEmailAddr\":{\"Address\":\"jdrew@example.com\"}}");
            assertThat(created.status()).isEqualTo(200);
            assertThat(created.headers().get("intuit_tid")).isNotBlank();
            JsonNode customer = created.json().get("Customer");
            assertThat(customer.get("Id").asString()).isNotBlank();
            assertThat(customer.get("SyncToken").asString()).isEqualTo("0");
            assertThat(customer.get("Active").asBoolean()).isTrue();
            assertThat(customer.get("Balance").decimalValue()).isZero();
            assertThat(customer.get("domain").asString()).isEqualTo("QBO");
            assertThat(customer.get("sparse").asBoolean()).isFalse();
            assertThat(customer.path("MetaData").get("CreateTime").asString()).endsWith("-07:00");
            assertThat(realm.writes("Customer")).isEqualTo(1);
            assertThat(realm.customer(customer.get("Id").asString()).get("DisplayName").asString())
                    .isEqualTo("King's Groceries");
        }

        @Test
        void aDisplayNameHeldByAVendorAnEmployeeOrAnInactiveCustomerIs6240() throws IOException {
            realm.addVendor("Vera Vendor");
            realm.addEmployee("Emil Employee");
            realm.deactivateCustomer(realm.addCustomer("Old Customer", null).get("Id").asString());
            for (String taken : List.of("Vera Vendor", "emil employee", "Old Customer")) {
                Answer answer = post("/customer", "{\"DisplayName\":\"" + taken + "\"}");
                assertThat(answer.status()).as(taken).isEqualTo(400);
                assertThat(answer.error().get("code").asString()).isEqualTo("6240");
                assertThat(answer.error().get("Message").asString()).isEqualTo("Duplicate Name Exists Error");
            }
            assertThat(realm.writes("Customer")).isZero();
        }

        @Test
        void aCustomerNeedsANameAndNoColon() throws IOException {
            assertThat(post("/customer", "{\"CompanyName\":\"Nameless\"}").error().get("code").asString())
                    .isEqualTo("6080");
            Answer colon = post("/customer", "{\"DisplayName\":\"Parent:Child\"}");
            assertThat(colon.status()).isEqualTo(400);
            assertThat(colon.error().get("Detail").asString()).contains("colon");
            Answer named = post("/customer", "{\"GivenName\":\"Ada\",\"FamilyName\":\"Lovelace\"}");
            assertThat(named.json().path("Customer").get("DisplayName").asString()).isEqualTo("Ada Lovelace");
        }

        @Test
        void aSparseUpdateWithAStaleSyncTokenIs5010AndWithTheCurrentOneChangesOnlyWhatWasSent()
                throws IOException {
            ObjectNode customer = realm.addCustomer("Sparse Co", "old@example.com");
            String id = customer.get("Id").asString();
            realm.changeCustomer(id, c -> c.put("Notes", "edited in QuickBooks"));

            Answer stale = post("/customer", "{\"Id\":\"" + id + "\",\"SyncToken\":\"0\",\"sparse\":true,"
                    + "\"PrimaryEmailAddr\":{\"Address\":\"new@example.com\"}}");
            assertThat(stale.status()).isEqualTo(400);
            assertThat(stale.error().get("code").asString()).isEqualTo("5010");
            assertThat(stale.error().get("Message").asString()).isEqualTo("Stale Object Error");

            Answer updated = post("/customer", "{\"Id\":\"" + id + "\",\"SyncToken\":\"1\",\"sparse\":true,"
                    + "\"PrimaryEmailAddr\":{\"Address\":\"new@example.com\"}}");
            JsonNode after = updated.json().get("Customer");
            assertThat(after.get("SyncToken").asString()).isEqualTo("2");
            assertThat(after.path("PrimaryEmailAddr").get("Address").asString()).isEqualTo("new@example.com");
            assertThat(after.get("Notes").asString()).isEqualTo("edited in QuickBooks");
            assertThat(after.get("DisplayName").asString()).isEqualTo("Sparse Co");
            assertThat(realm.writes("Customer")).isEqualTo(1);
        }

        @Test
        void staleNextUpdateMovesTheRecordOnSoTheUpdateIs5010OnceAndARereadFixesIt() throws IOException {
            String id = realm.addCustomer("Raced Co", null).get("Id").asString();
            realm.staleNextUpdate();
            String body = "{\"Id\":\"" + id + "\",\"SyncToken\":\"%s\",\"sparse\":true,\"Notes\":\"ours\"}";
            assertThat(post("/customer", body.formatted("0")).error().get("code").asString()).isEqualTo("5010");
            String current = get("/customer/" + id, accessToken).json().path("Customer").get("SyncToken").asString();
            assertThat(current).isEqualTo("1");
            assertThat(post("/customer", body.formatted(current)).status()).isEqualTo(200);
        }

        @Test
        void changeCustomerIsAnEditInQuickBooks() {
            ObjectNode before = realm.addCustomer("Edited Co", null);
            ObjectNode after = realm.changeCustomer(before.get("Id").asString(), c -> c.put("Notes", "x"));
            assertThat(after.get("SyncToken").asString()).isEqualTo("1");
            assertThat(QboFake.TIME.parse(after.path("MetaData").get("LastUpdatedTime").asString(), Instant::from))
                    .isAfter(QboFake.TIME.parse(before.path("MetaData").get("LastUpdatedTime").asString(),
                            Instant::from));
        }
    }

    // ---- invoices ----------------------------------------------------------------------------------------------

    @Nested
    class Invoices {

        private String customerId;

        @BeforeEach
        void customer() {
            customerId = realm.addCustomer("Invoice Customer", "ap@example.com").get("Id").asString();
        }

        private String invoice(String docNumber, String... lines) {
            return "{\"CustomerRef\":{\"value\":\"" + customerId + "\"},\"Line\":[" + String.join(",", lines)
                    + "],\"TxnDate\":\"2026-03-01\",\"DueDate\":\"2026-03-31\""
                    + (docNumber == null ? "" : ",\"DocNumber\":\"" + docNumber + "\"")
                    + ",\"PrivateNote\":\"ledgerline:inv-1\"}";
        }

        private static String line(String amount, String qty, String unitPrice) {
            return "{\"Amount\":" + amount + ",\"DetailType\":\"SalesItemLineDetail\",\"SalesItemLineDetail\":"
                    + "{\"ItemRef\":{\"value\":\"1\"},\"Qty\":" + qty + ",\"UnitPrice\":" + unitPrice + "}}";
        }

        @Test
        void aCreatedInvoiceKeepsDatesAsSentAndComputesTotalAndBalance() throws IOException {
            Answer created = post("/invoice?requestid=inv-create-1",
                    invoice("INV-1042", line("100.00", "1", "100.00"), line("33.33", "3", "11.11")));
            assertThat(created.status()).isEqualTo(200);
            JsonNode invoice = created.json().get("Invoice");
            assertThat(invoice.get("TxnDate").asString()).isEqualTo("2026-03-01");
            assertThat(invoice.get("DueDate").asString()).isEqualTo("2026-03-31");
            assertThat(invoice.get("DocNumber").asString()).isEqualTo("INV-1042");
            assertThat(invoice.get("TotalAmt").decimalValue()).isEqualByComparingTo("133.33");
            assertThat(invoice.get("Balance").decimalValue()).isEqualByComparingTo("133.33");
            assertThat(invoice.get("PrivateNote").asString()).isEqualTo("ledgerline:inv-1");
            assertThat(invoice.get("LinkedTxn")).isEmpty();
            assertThat(invoice.path("Line")).hasSize(3);
            assertThat(invoice.path("Line").path(2).get("DetailType").asString()).isEqualTo("SubTotalLineDetail");
            assertThat(invoice.path("CustomerRef").get("name").asString()).isEqualTo("Invoice Customer");
            assertThat(realm.invoicesByDocNumber("INV-1042")).hasSize(1);
        }

        @Test
        void aLineWhoseAmountIsNotQtyTimesUnitPriceIs6070() throws IOException {
            Answer answer = post("/invoice", invoice("INV-2", line("99.999", "3", "33.333")));
            assertThat(answer.error().get("code").asString()).isEqualTo("6070");
            assertThat(post("/invoice", invoice("INV-2", line("100.00", "3", "33.333"))).status()).isEqualTo(200);
        }

        @Test
        void aTakenDocNumberIs6140() throws IOException {
            assertThat(post("/invoice", invoice("INV-7", line("5", "1", "5"))).status()).isEqualTo(200);
            Answer duplicate = post("/invoice", invoice("INV-7", line("5", "1", "5")));
            assertThat(duplicate.error().get("code").asString()).isEqualTo("6140");
            assertThat(duplicate.error().get("Message").asString()).isEqualTo("Duplicate Document Number Error");
            assertThat(realm.invoicesByDocNumber("INV-7")).hasSize(1);
        }

        @Test
        void anInactiveCustomerOrItemIs610() throws IOException {
            String itemId = realm.addItem("Retired").get("Id").asString();
            realm.changeCustomer(customerId, c -> c.put("Active", false));
            assertThat(post("/invoice", invoice("INV-8", line("5", "1", "5"))).error().get("code").asString())
                    .isEqualTo("610");
            customerId = realm.addCustomer("Active Customer", null).get("Id").asString();
            realm.deactivateItem(itemId);
            String retiredItem = line("5", "1", "5").replace("\"value\":\"1\"", "\"value\":\"" + itemId + "\"");
            assertThat(post("/invoice", invoice("INV-8", retiredItem)).error().get("code").asString())
                    .isEqualTo("610");
            assertThat(post("/invoice", invoice("INV-8", line("5", "1", "5"))).status()).isEqualTo(200);
        }

        @Test
        void aSparseUpdateWithLinesReplacesEveryLineAndNeedsTheCurrentSyncToken() throws IOException {
            JsonNode created = post("/invoice", invoice("INV-9", line("10", "1", "10"), line("20", "2", "10")))
                    .json().get("Invoice");
            String id = created.get("Id").asString();
            String update = "{\"Id\":\"" + id + "\",\"SyncToken\":\"%s\",\"sparse\":true,\"Line\":["
                    + line("7.50", "1", "7.50") + "]}";
            Answer updated = post("/invoice", update.formatted("0"));
            JsonNode invoice = updated.json().get("Invoice");
            assertThat(invoice.path("Line")).hasSize(2);
            assertThat(invoice.get("TotalAmt").decimalValue()).isEqualByComparingTo("7.50");
            assertThat(invoice.get("DocNumber").asString()).isEqualTo("INV-9");
            assertThat(invoice.get("SyncToken").asString()).isEqualTo("1");
            assertThat(post("/invoice", update.formatted("0")).error().get("code").asString()).isEqualTo("5010");
        }

        @Test
        void anUpdateBelowThePaymentsAppliedIsRefusedAndChangesNothing() throws IOException {
            String id = realm.addInvoice(customerId, "PAID-1", new BigDecimal("100.00"), LocalDate.of(2026, 3, 1),
                    LocalDate.of(2026, 3, 31)).get("Id").asString();
            realm.payInvoice(id, new BigDecimal("60.00"));
            String tooSmall = "{\"Id\":\"" + id + "\",\"SyncToken\":\"1\",\"sparse\":true,\"Line\":["
                    + line("50.00", "1", "50.00") + "]}";
            assertThat(post("/invoice", tooSmall).error().get("code").asString()).isEqualTo("6000");
            ObjectNode unchanged = realm.invoice(id);
            assertThat(unchanged.get("TotalAmt").decimalValue()).isEqualByComparingTo("100.00");
            assertThat(unchanged.get("SyncToken").asString()).isEqualTo("1");

            String larger = tooSmall.replace("50.00", "120.00");
            JsonNode updated = post("/invoice", larger).json().get("Invoice");
            assertThat(updated.get("Balance").decimalValue()).isEqualByComparingTo("60.00");
            assertThat(updated.path("LinkedTxn")).hasSize(1);
            assertThat(realm.customer(customerId).get("Balance").decimalValue()).isEqualByComparingTo("60.00");
        }

        @Test
        void aPaymentInQuickBooksLowersTheBalanceLinksAndMovesTheSyncTokenOn() throws IOException {
            String id = realm.addInvoice(customerId, "PAY-1", new BigDecimal("250.00"), LocalDate.of(2026, 3, 1),
                    LocalDate.of(2026, 3, 31)).get("Id").asString();
            ObjectNode payment = realm.payInvoice(id, new BigDecimal("100.00"));
            JsonNode invoice = get("/invoice/" + id, accessToken).json().get("Invoice");
            assertThat(invoice.get("Balance").decimalValue()).isEqualByComparingTo("150.00");
            assertThat(invoice.get("TotalAmt").decimalValue()).isEqualByComparingTo("250.00");
            assertThat(invoice.get("SyncToken").asString()).isEqualTo("1");
            assertThat(invoice.path("LinkedTxn").path(0).get("TxnType").asString()).isEqualTo("Payment");
            assertThat(realm.customer(customerId).get("Balance").decimalValue()).isEqualByComparingTo("150.00");
            JsonNode read = get("/payment/" + payment.get("Id").asString(), accessToken).json().get("Payment");
            assertThat(read.path("Line").path(0).path("LinkedTxn").path(0).get("TxnId").asString()).isEqualTo(id);
            assertThat(read.get("TotalAmt").decimalValue()).isEqualByComparingTo("100.00");
        }

        @Test
        void aVoidZeroesTheAmountsAndNotesIt() throws IOException {
            JsonNode created = post("/invoice", invoice("V-1", line("40", "2", "20"))).json().get("Invoice");
            Answer voided = post("/invoice?operation=void", "{\"Id\":\"" + created.get("Id").asString()
                    + "\",\"SyncToken\":\"0\"}");
            JsonNode invoice = voided.json().get("Invoice");
            assertThat(invoice.get("TotalAmt").decimalValue()).isZero();
            assertThat(invoice.get("Balance").decimalValue()).isZero();
            assertThat(invoice.get("PrivateNote").asString()).isEqualTo("Voided");
            assertThat(invoice.get("SyncToken").asString()).isEqualTo("1");
            assertThat(realm.writes("invoice")).isEqualTo(2);
        }

        @Test
        void aDeletedInvoiceReadsAs610() throws IOException {
            String id = post("/invoice", invoice("D-1", line("1", "1", "1"))).json().get("Invoice").get("Id")
                    .asString();
            Answer deleted = post("/invoice?operation=delete", "{\"Id\":\"" + id + "\",\"SyncToken\":\"0\"}");
            assertThat(deleted.json().path("Invoice").get("status").asString()).isEqualTo("Deleted");
            Answer read = get("/invoice/" + id, accessToken);
            assertThat(read.status()).isEqualTo(400);
            assertThat(read.error().get("code").asString()).isEqualTo("610");
            assertThat(realm.invoice(id)).isNull();
        }
    }

    // ---- change data capture -----------------------------------------------------------------------------------

    @Nested
    class ChangeDataCapture {

        @Test
        void reportsChangesAtOrAfterTheMomentWithDeletionsAsStubs() throws IOException {
            String customer = realm.addCustomer("Before", null).get("Id").asString();
            Instant since = Instant.now();
            ObjectNode changed = realm.changeCustomer(customer, c -> c.put("Notes", "later"));
            String kept = realm.addInvoice(customer, "C-1", BigDecimal.TEN, LocalDate.now(), LocalDate.now())
                    .get("Id").asString();
            String gone = realm.addInvoice(customer, "C-2", BigDecimal.ONE, LocalDate.now(), LocalDate.now())
                    .get("Id").asString();
            realm.deleteInvoiceInQbo(gone);

            JsonNode answers = cdc("Customer,Invoice", since).json().path("CDCResponse").path(0).path("QueryResponse");
            assertThat(answers.path(0).path("Customer").path(0).get("SyncToken").asString())
                    .isEqualTo(changed.get("SyncToken").asString());
            JsonNode invoices = answers.path(1).path("Invoice");
            assertThat(invoices).hasSize(2);
            assertThat(invoices.path(0).get("Id").asString()).isEqualTo(kept);
            assertThat(invoices.path(1).get("Id").asString()).isEqualTo(gone);
            assertThat(invoices.path(1).get("status").asString()).isEqualTo("Deleted");
            assertThat(invoices.path(1).path("MetaData").get("LastUpdatedTime").asString()).isNotBlank();
        }

        @Test
        void refusesAMomentOlderThan30Days() throws IOException {
            Answer answer = cdc("Invoice", Instant.now().minus(31, ChronoUnit.DAYS));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.error().get("code").asString()).isNotBlank();
        }

        @Test
        void answersAtMost1000ObjectsAcrossEntities() throws IOException {
            Instant since = Instant.now();
            for (int i = 0; i < 1001; i++) {
                realm.addCustomer("Many " + i, null);
            }
            JsonNode answers = cdc("Customer,Invoice", since).json().path("CDCResponse").path(0).path("QueryResponse");
            assertThat(answers.path(0).path("Customer")).hasSize(1000);
            assertThat(answers.path(1).has("Invoice")).isFalse();
        }
    }

    // ---- batch, requestid --------------------------------------------------------------------------------------

    @Nested
    class BatchAndRequestIds {

        @Test
        void aBatchAnswers200WithEachItemsEntityOrFault() throws IOException {
            realm.addVendor("Taken Name");
            Answer answer = post("/batch", "{\"BatchItemRequest\":["
                    + "{\"bId\":\"1\",\"operation\":\"create\",\"Customer\":{\"DisplayName\":\"Fresh Name\"}},"
                    + "{\"bId\":\"2\",\"operation\":\"create\",\"Customer\":{\"DisplayName\":\"Taken Name\"}},"
                    + "{\"bId\":\"3\",\"Query\":\"SELECT * FROM Vendor\"}]}");
            assertThat(answer.status()).isEqualTo(200);
            JsonNode items = answer.json().get("BatchItemResponse");
            assertThat(items.path(0).get("bId").asString()).isEqualTo("1");
            assertThat(items.path(0).path("Customer").get("DisplayName").asString()).isEqualTo("Fresh Name");
            assertThat(items.path(1).path("Fault").path("Error").path(0).get("code").asString()).isEqualTo("6240");
            assertThat(items.path(2).path("QueryResponse").path("Vendor")).hasSize(1);
            assertThat(realm.writes("Customer")).isEqualTo(1);
        }

        @Test
        void aBatchOfMoreThan30ItemsIsRefused() throws IOException {
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < 31; i++) {
                items.append(i == 0 ? "" : ",").append("{\"bId\":\"").append(i)
                        .append("\",\"Query\":\"SELECT * FROM Item\"}");
            }
            assertThat(post("/batch", "{\"BatchItemRequest\":[" + items + "]}").status()).isEqualTo(400);
        }

        @Test
        void aRepeatedRequestIdReplaysTheFirstAnswerWithoutWritingAgain() throws IOException {
            String body = "{\"DisplayName\":\"Once Only\"}";
            Answer first = post("/customer?requestid=req-1", body);
            Answer again = post("/customer?requestid=req-1", body);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().path("Customer").get("Id").asString())
                    .isEqualTo(first.json().path("Customer").get("Id").asString());
            assertThat(realm.writes("Customer")).isEqualTo(1);
        }

        @Test
        void aRequestIdLongerThan50CharactersIsRefused() throws IOException {
            Answer answer = post("/customer?requestid=" + "r".repeat(51), "{\"DisplayName\":\"Long Id\"}");
            assertThat(answer.status()).isEqualTo(400);
            assertThat(realm.writes("Customer")).isZero();
        }

        @Test
        void ignoredRequestIdsProcessARepeatAgain() throws IOException {
            realm.ignoreRequestIds(true);
            String customer = realm.addCustomer("Twice Billed", null).get("Id").asString();
            String body = "{\"CustomerRef\":{\"value\":\"" + customer + "\"},\"Line\":[{\"Amount\":5,"
                    + "\"DetailType\":\"SalesItemLineDetail\",\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"1\"}}}]}";
            post("/invoice?requestid=req-2", body);
            post("/invoice?requestid=req-2", body);
            assertThat(realm.writes("Invoice")).isEqualTo(2);
            assertThat(realm.invoices()).hasSize(2);
        }
    }

    // ---- fault injection ---------------------------------------------------------------------------------------

    @Nested
    class FaultInjection {

        @Test
        void throttlingAsJson429ThenAsXml403ThenServedAgain() throws IOException {
            realm.throttleNext(1, QboFake.Throttle.JSON_429);
            Answer json = get("/companyinfo/" + realm.id(), accessToken);
            assertThat(json.status()).isEqualTo(429);
            assertThat(json.error().get("code").asString()).isEqualTo("3001");
            assertThat(json.error().get("Message").asString()).isEqualTo("ThrottleExceeded");
            assertThat(json.json().path("Fault").get("type").asString()).isEqualTo("SERVICE");

            realm.throttleNext(1, QboFake.Throttle.XML_403);
            Answer xml = get("/companyinfo/" + realm.id(), accessToken);
            assertThat(xml.status()).isEqualTo(403);
            assertThat(xml.headers().get("Content-Type")).startsWith("application/xml");
            assertThat(xml.body()).contains("<Error code=\"3001\">", "<Message>ThrottleExceeded</Message>",
                    "<Fault type=\"SERVICE\">");

            assertThat(get("/companyinfo/" + realm.id(), accessToken).status()).isEqualTo(200);
        }

        @Test
        void failNextAnswers5xxWithASystemFaultAndCommitsNothing() throws IOException {
            realm.failNext(2, 503);
            assertThat(post("/customer", "{\"DisplayName\":\"Unlucky\"}").status()).isEqualTo(503);
            Answer second = post("/customer", "{\"DisplayName\":\"Unlucky\"}");
            assertThat(second.status()).isEqualTo(503);
            assertThat(second.json().path("Fault").get("type").asString()).isEqualTo("SystemFault");
            assertThat(realm.writes("Customer")).isZero();
            assertThat(post("/customer", "{\"DisplayName\":\"Unlucky\"}").status()).isEqualTo(200);
        }

        @Test
        void commitThenDropCommitsTheCreateButCutsTheConnectionAndTheRequestIdReplaysIt() throws IOException {
            realm.commitThenDropNext("Customer");
            assertThatThrownBy(() -> post("/customer?requestid=drop-1", "{\"DisplayName\":\"Lost Answer\"}"))
                    .isInstanceOf(IOException.class);
            assertThat(realm.writes("Customer")).isEqualTo(1);
            assertThat(query("SELECT * FROM Customer WHERE DisplayName = 'Lost Answer'").json()
                    .path("QueryResponse").path("Customer")).hasSize(1);
            Answer retried = post("/customer?requestid=drop-1", "{\"DisplayName\":\"Lost Answer\"}");
            assertThat(retried.status()).isEqualTo(200);
            assertThat(realm.writes("Customer")).isEqualTo(1);
        }

        @Test
        void lowercaseFaultsUseTheGatewaysKeys() throws IOException {
            realm.lowercaseFaults(true);
            Answer answer = get("/invoice/424242", accessToken);
            assertThat(answer.json().has("Fault")).isFalse();
            assertThat(answer.json().path("fault").path("error").path(0).get("code").asString()).isEqualTo("610");
            assertThat(answer.json().path("fault").path("error").path(0).get("message").asString())
                    .isEqualTo("Object Not Found");
        }

        @Test
        void aSlowAnswerOutlastsAShortReadTimeoutOnce() throws IOException {
            realm.slowNextResponse(Duration.ofMillis(1500));
            OkHttpClient impatient = http.newBuilder().readTimeout(Duration.ofMillis(300)).build();
            Request request = api("/companyinfo/" + realm.id(), accessToken, realm).get().build();
            assertThatThrownBy(() -> impatient.newCall(request).execute().close())
                    .isInstanceOf(java.io.InterruptedIOException.class);
            assertThat(get("/companyinfo/" + realm.id(), accessToken).status()).isEqualTo(200);
        }

        @Test
        void requestsAreRecordedWithoutTheAuthorizationHeader() throws IOException {
            post("/customer?requestid=rec-1&minorversion=75", "{\"DisplayName\":\"Recorded\"}");
            QboFake.Request last = realm.requests().get(realm.requests().size() - 1);
            assertThat(last.method()).isEqualTo("POST");
            assertThat(last.path()).isEqualTo("/v3/company/" + realm.id() + "/customer");
            assertThat(last.param("requestid")).isEqualTo("rec-1");
            assertThat(last.json().get("DisplayName").asString()).isEqualTo("Recorded");
            assertThat(last.header("Authorization")).isNull();
            assertThat(last.header("Content-Type")).startsWith("application/json");
        }
    }

    // ---- webhooks ----------------------------------------------------------------------------------------------

    @Test
    void webhookBodiesAndTheirSignature() throws Exception {
        String legacy = QboFake.legacyNotification(realm.id(), "Invoice", "130", "Update",
                Instant.parse("2026-03-01T10:00:00Z"));
        JsonNode entity = QboFake.JSON.readTree(legacy).path("eventNotifications").path(0);
        assertThat(entity.get("realmId").asString()).isEqualTo(realm.id());
        assertThat(entity.path("dataChangeEvent").path("entities").path(0).get("name").asString())
                .isEqualTo("Invoice");

        String cloud = QboFake.cloudEvent("evt-1", realm.id(), "Invoice", "130", "updated", Instant.now());
        JsonNode event = QboFake.JSON.readTree(cloud).path(0);
        assertThat(event.get("type").asString()).isEqualTo("qbo.invoice.updated.v1");
        assertThat(event.get("intuitaccountid").asString()).isEqualTo(realm.id());

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(FAKE.verifierToken().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] body = cloud.getBytes(StandardCharsets.UTF_8);
        assertThat(FAKE.sign(body)).isEqualTo(Base64.getEncoder().encodeToString(mac.doFinal(body)));
    }

    // ---- raw HTTP ----------------------------------------------------------------------------------------------

    private Answer exchange(String code, String redirectUri) throws IOException {
        return send(tokenRequest(new FormBody.Builder().add("grant_type", "authorization_code").add("code", code)
                .add("redirect_uri", redirectUri).build()));
    }

    private Answer refresh(String token) throws IOException {
        return send(tokenRequest(new FormBody.Builder().add("grant_type", "refresh_token")
                .add("refresh_token", token).build()));
    }

    private Answer revoke(String token) throws IOException {
        return send(new Request.Builder().url(FAKE.revokeUrl())
                .header("Authorization", okhttp3.Credentials.basic(QboFake.CLIENT_ID, QboFake.CLIENT_SECRET))
                .header("Accept", "application/json")
                .post(RequestBody.create(QboFake.JSON.writeValueAsString(Map.of("token", token)), JSON))
                .build());
    }

    private Request tokenRequest(FormBody form) {
        return new Request.Builder().url(FAKE.tokenUrl())
                .header("Authorization", okhttp3.Credentials.basic(QboFake.CLIENT_ID, QboFake.CLIENT_SECRET))
                .header("Accept", "application/json")
                .post(form).build();
    }

    private Answer query(String statement) throws IOException {
        HttpUrl url = HttpUrl.get(FAKE.baseUrl() + "/v3/company/" + realm.id() + "/query").newBuilder()
                .addQueryParameter("query", statement).addQueryParameter("minorversion", "75").build();
        return send(new Request.Builder().url(url).header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json").get().build());
    }

    private Answer cdc(String entities, Instant since) throws IOException {
        HttpUrl url = HttpUrl.get(FAKE.baseUrl() + "/v3/company/" + realm.id() + "/cdc").newBuilder()
                .addQueryParameter("entities", entities).addQueryParameter("changedSince", since.toString())
                .build();
        return send(new Request.Builder().url(url).header("Authorization", "Bearer " + accessToken).get().build());
    }

    private Answer get(String path, String token) throws IOException {
        return get(path, token, realm);
    }

    private Answer get(String path, String token, QboFake.Realm company) throws IOException {
        return send(api(path, token, company).get().build());
    }

    private Answer post(String path, String json) throws IOException {
        return send(api(path, accessToken, realm).post(RequestBody.create(json, JSON)).build());
    }

    private static Request.Builder api(String path, String token, QboFake.Realm company) {
        return new Request.Builder().url(FAKE.baseUrl() + "/v3/company/" + company.id() + path)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private Answer send(Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            return new Answer(response.code(), response.body().string(), response.headers());
        }
    }
}
