package io.ledgerline.app.web.expense;

import static io.ledgerline.app.web.expense.ExpenseApi.EXPENSES;
import static io.ledgerline.app.web.expense.ExpenseApi.expense;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.app.support.Api;
import io.ledgerline.app.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

class ExpenseReceiptsIntegrationTest extends IntegrationTest {

    private static final MediaType PDF = MediaType.APPLICATION_PDF;

    @Autowired
    private JdbcTemplate jdbc;

    private ExpenseApi expenses;

    @BeforeEach
    void expenses() {
        expenses = new ExpenseApi(api, web);
    }

    static byte[] pdf(int size) {
        byte[] file = new byte[size];
        Arrays.fill(file, (byte) 'x');
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, file, 0, header.length);
        return file;
    }

    static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    }

    private UUID draft(Api.Org org) {
        return expenses.create(org.token(), expense(expenses.category(org.token(), "Travel"), "Taxi", 10));
    }

    private String receiptPath(UUID expenseId) {
        return EXPENSES + "/" + expenseId + "/receipt";
    }

    @Test
    void aReceiptIsAttachedDownloadedReplacedAndRemoved() throws Exception {
        Api.Org org = api.signUp();
        UUID id = draft(org);
        byte[] file = pdf(2048);
        web.put().uri(receiptPath(id) + "?filename=boarding pass.pdf")
                .headers(headers -> headers.setBearerAuth(org.token()))
                .contentType(PDF)
                .bodyValue(file)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().jsonPath("$.version").isEqualTo(1);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        expenses.read(org.token(), id, 1)
                .jsonPath("$.receipt.contentType").isEqualTo("application/pdf")
                .jsonPath("$.receipt.sizeBytes").isEqualTo(2048)
                .jsonPath("$.receipt.sha256").isEqualTo(sha)
                .jsonPath("$.receipt.filename").isEqualTo("boarding pass.pdf");
        byte[] downloaded = api.get(org.token(), receiptPath(id)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(PDF)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LENGTH, "2048")
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, disposition -> assertThat(disposition)
                        .startsWith("attachment").contains("boarding pass.pdf"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(downloaded).isEqualTo(file);

        web.put().uri(receiptPath(id))
                .headers(headers -> {
                    headers.setBearerAuth(org.token());
                    headers.set(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"../../scan.png\"");
                })
                .contentType(MediaType.IMAGE_PNG)
                .bodyValue(png())
                .exchange()
                .expectStatus().isOk();
        expenses.read(org.token(), id, 2)
                .jsonPath("$.receipt.contentType").isEqualTo("image/png")
                .jsonPath("$.receipt.filename").isEqualTo("scan.png");
        assertThat(api.get(org.token(), receiptPath(id)).exchange()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectBody(byte[].class).returnResult().getResponseBody()).isEqualTo(png());

        api.delete(org.token(), receiptPath(id), "\"2\"").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(3);
        api.get(org.token(), receiptPath(id)).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("receipt.not_found");
        expenses.read(org.token(), id, 3).jsonPath("$.receipt").doesNotExist();
        api.delete(org.token(), receiptPath(id)).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("receipt.not_found");
    }

    @Test
    void aReceiptOfUpToFiveMegabytesIsAcceptedBeyondTheApisUsualLimit() {
        Api.Org org = api.signUp();
        UUID id = draft(org);
        int fiveMegabytes = 5 * 1024 * 1024;
        expenses.upload(org.token(), id, PDF, pdf(fiveMegabytes), null)
                .expectStatus().isOk();
        expenses.upload(org.token(), id, PDF, pdf(fiveMegabytes + 1), null)
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.code").isEqualTo("receipt.too_large");
        expenses.read(org.token(), id, 1).jsonPath("$.receipt.sizeBytes").isEqualTo(fiveMegabytes);
    }

    @Test
    void aReceiptIsWhatItsContentTypeSays() {
        Api.Org org = api.signUp();
        UUID id = draft(org);
        expenses.upload(org.token(), id, MediaType.IMAGE_PNG, pdf(100), null)
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("receipt.content_type_mismatch");
        expenses.upload(org.token(), id, MediaType.IMAGE_JPEG, "not an image".getBytes(StandardCharsets.UTF_8), null)
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("receipt.content_type_mismatch");
        expenses.upload(org.token(), id, MediaType.TEXT_HTML, "<html>".getBytes(StandardCharsets.UTF_8), null)
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.code").isEqualTo("receipt.unsupported_type");
        expenses.upload(org.token(), id, PDF, new byte[0], null)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("receipt.empty");
        web.put().uri(receiptPath(id) + "?name=x.pdf")
                .headers(headers -> headers.setBearerAuth(org.token()))
                .contentType(PDF)
                .bodyValue(pdf(100))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        web.put().uri(receiptPath(id) + "?filename=" + "f".repeat(256))
                .headers(headers -> headers.setBearerAuth(org.token()))
                .contentType(PDF)
                .bodyValue(pdf(100))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("filename");
        assertThat(storedReceipts(id)).isZero();
    }

    @Test
    void aLockedExpenseKeepsItsReceiptAndARefusedUploadStoresNothing() {
        Api.Org org = api.signUp();
        UUID id = draft(org);
        expenses.upload(org.token(), id, PDF, pdf(100), null).expectStatus().isOk();
        expenses.upload(org.token(), id, MediaType.IMAGE_PNG, png(), "\"0\"")
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.code").isEqualTo("version.stale");
        expenses.action(org.token(), id, "submit", Map.of()).expectStatus().isOk();
        expenses.upload(org.token(), id, MediaType.IMAGE_PNG, png(), null)
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("expense.submitted");
        api.delete(org.token(), receiptPath(id)).exchange()
                .expectStatus().isEqualTo(409);
        api.get(org.token(), receiptPath(id)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(PDF);
        assertThat(jdbc.queryForObject("SELECT content_type FROM expense_receipt WHERE expense_id = ?", String.class,
                id)).isEqualTo("application/pdf");
    }

    @Test
    void theFileStaysOutOfTheEventStoreAndGoesWithItsExpense() {
        Api.Org org = api.signUp();
        UUID id = draft(org);
        byte[] file = pdf(4096);
        expenses.upload(org.token(), id, PDF, file, "\"0\"").expectStatus().isOk();
        String payload = jdbc.queryForObject("""
                        SELECT convert_from(payload, 'UTF8') FROM domainevententry
                        WHERE aggregateidentifier = ? AND sequencenumber = 1""", String.class, id.toString());
        assertThat(payload).contains("\"sizeBytes\":4096").doesNotContain("xxxxxxxx").hasSizeLessThan(1024);
        assertThat(storedReceipts(id)).isEqualTo(1);
        api.delete(org.token(), EXPENSES + "/" + id).exchange().expectStatus().isOk();
        assertThat(storedReceipts(id)).isZero();
    }

    @Test
    void receiptsFollowTheExpensesAccessRules() {
        Api.Org org = api.signUp();
        Api.Org other = api.signUp();
        Api.Session member = api.member(org, "member");
        Api.Session colleague = api.member(org, "member");
        Api.Session accountant = api.member(org, "accountant");
        Api.Session manager = api.member(org, "manager");
        UUID id = expenses.create(member.token(),
                expense(expenses.category(org.token(), "Travel"), "Taxi", 10));
        expenses.upload(member.token(), id, PDF, pdf(100), null).expectStatus().isOk();

        expenses.upload(null, id, PDF, pdf(100), null).expectStatus().isUnauthorized();
        api.get(null, receiptPath(id)).exchange().expectStatus().isUnauthorized();
        api.delete(null, receiptPath(id)).exchange().expectStatus().isUnauthorized();

        api.get(accountant.token(), receiptPath(id)).exchange().expectStatus().isOk();
        expenses.upload(accountant.token(), id, PDF, pdf(100), null).expectStatus().isForbidden();
        api.delete(accountant.token(), receiptPath(id)).exchange().expectStatus().isForbidden();

        api.get(colleague.token(), receiptPath(id)).exchange().expectStatus().isNotFound();
        expenses.upload(colleague.token(), id, PDF, pdf(100), null).expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("expense.not_found");
        api.delete(colleague.token(), receiptPath(id)).exchange().expectStatus().isNotFound();

        api.get(other.token(), receiptPath(id)).exchange().expectStatus().isNotFound();
        expenses.upload(other.token(), id, PDF, pdf(100), null).expectStatus().isNotFound();
        api.delete(other.token(), receiptPath(id)).exchange().expectStatus().isNotFound();

        expenses.upload(manager.token(), id, MediaType.IMAGE_PNG, png(), null).expectStatus().isOk();
        assertThat(api.get(member.token(), receiptPath(id)).exchange()
                .expectBody(byte[].class).returnResult().getResponseBody()).isEqualTo(png());
    }

    private int storedReceipts(UUID expenseId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM expense_receipt WHERE expense_id = ?", Integer.class,
                expenseId);
        return count == null ? 0 : count;
    }
}
