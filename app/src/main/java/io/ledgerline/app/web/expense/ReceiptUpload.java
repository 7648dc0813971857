package io.ledgerline.app.web.expense;

import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.app.web.FieldViolation;
import io.ledgerline.domain.expense.Expense;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;

/**
 * A receipt file as uploaded: the raw body, at most {@link Expense#MAX_RECEIPT_BYTES}, read here rather than through
 * the JSON codecs (whose limit is far lower), with the declared type checked against what the bytes are.
 */
record ReceiptUpload(String contentType, String filename, String sha256, byte[] content) {

    /** How each accepted type begins, and the extension a file of it gets when it comes without a name. */
    private record Kind(byte[] magic, String extension) {
    }

    private static final Map<String, Kind> KINDS = Map.of(
            "image/jpeg", new Kind(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "jpg"),
            "image/png", new Kind(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, "png"),
            "application/pdf", new Kind("%PDF-".getBytes(StandardCharsets.US_ASCII), "pdf"));

    static Mono<ReceiptUpload> read(ServerHttpRequest request, String filenameParameter) {
        String declared = declaredType(request.getHeaders());
        if (request.getHeaders().getContentLength() > Expense.MAX_RECEIPT_BYTES) {
            return Mono.error(tooLarge());
        }
        String filename = filename(filenameParameter, request.getHeaders(), KINDS.get(declared).extension());
        return DataBufferUtils.join(request.getBody(), (int) Expense.MAX_RECEIPT_BYTES)
                .onErrorMap(DataBufferLimitException.class, exceeded -> tooLarge())
                .map(ReceiptUpload::drain)
                .defaultIfEmpty(new byte[0])
                .map(content -> {
                    if (content.length == 0) {
                        throw ApiProblem.badRequest("receipt.empty", "The body is empty: send the receipt file.");
                    }
                    String actual = sniff(content);
                    if (!declared.equals(actual)) {
                        throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "receipt.content_type_mismatch",
                                "The file is not what its Content-Type says (" + declared + "); it looks like "
                                        + (actual == null ? "neither a JPEG, a PNG nor a PDF" : actual) + ".");
                    }
                    return new ReceiptUpload(declared, filename, sha256(content), content);
                });
    }

    private static String declaredType(HttpHeaders headers) {
        MediaType type;
        try {
            type = headers.getContentType();
        } catch (IllegalArgumentException unreadable) {
            type = null;
        }
        String declared = type == null ? null
                : (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        if (declared == null || !KINDS.containsKey(declared)) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "receipt.unsupported_type",
                    "Send the receipt as image/jpeg, image/png or application/pdf, with that Content-Type.");
        }
        return declared;
    }

    private static String sniff(byte[] content) {
        return KINDS.entrySet().stream()
                .filter(kind -> startsWith(content, kind.getValue().magic()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length
                && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    /**
     * The name the file is kept under: {@code ?filename=}, else the one in {@code Content-Disposition}, else
     * {@code receipt.<ext>}. Only the last path segment counts and control characters are dropped, so a name can
     * neither point elsewhere nor break the header it is sent back in.
     */
    private static String filename(String parameter, HttpHeaders headers, String extension) {
        String given = parameter;
        String disposition = headers.getFirst(HttpHeaders.CONTENT_DISPOSITION);
        if (given == null && disposition != null) {
            try {
                given = ContentDisposition.parse(disposition).getFilename();
            } catch (IllegalArgumentException unreadable) {
                throw ApiProblem.badRequest("receipt.bad_filename", "Content-Disposition could not be read.",
                        new FieldViolation(HttpHeaders.CONTENT_DISPOSITION, "invalid",
                                "expected for example: attachment; filename=\"receipt.pdf\""));
            }
        }
        String name = given == null ? "" : given.replaceAll("\\p{Cntrl}", "");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).trim();
        if (name.length() > Expense.MAX_FILENAME_LENGTH) {
            throw ApiProblem.badRequest("receipt.bad_filename", "The file name is too long.",
                    new FieldViolation("filename", "size", "at most " + Expense.MAX_FILENAME_LENGTH + " characters"));
        }
        return name.isEmpty() ? "receipt." + extension : name;
    }

    private static ApiProblem tooLarge() {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "receipt.too_large",
                "A receipt is at most " + Expense.MAX_RECEIPT_BYTES / (1024 * 1024) + " MB.", List.of());
    }

    private static byte[] drain(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
