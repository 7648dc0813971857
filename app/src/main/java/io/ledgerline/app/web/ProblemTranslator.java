package io.ledgerline.app.web;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns whatever went wrong into the one problem shape the API promises. Unexpected failures become a bare 500
 * whose detail is the request id: the stack trace goes to the log, never to the caller.
 */
public final class ProblemTranslator {

    private static final Logger log = LoggerFactory.getLogger(ProblemTranslator.class);

    private ProblemTranslator() {
    }

    public static ApiProblem translate(Throwable failure, String requestId) {
        Throwable error = unwrap(failure);
        if (error instanceof ApiProblem problem) {
            return problem;
        }
        if (error instanceof BusinessRuleViolation violation) {
            HttpStatus status = switch (violation.kind()) {
                case CONFLICT -> HttpStatus.CONFLICT;
                case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
            };
            return new ApiProblem(status, violation.code(), violation.getMessage());
        }
        if (error instanceof ConflictingAggregateVersionException) {
            return new ApiProblem(HttpStatus.PRECONDITION_FAILED, "version.stale",
                    "The record changed since you read it (If-Match is stale). Read it again and retry.");
        }
        if (error instanceof AggregateNotFoundException || error instanceof AggregateDeletedException) {
            return ApiProblem.notFound("not_found", "No such record.");
        }
        if (error instanceof WebExchangeBindException binding) {
            List<FieldViolation> fields = binding.getFieldErrors().stream()
                    .map(e -> new FieldViolation(e.getField(), codeOf(e.getCode()), e.getDefaultMessage()))
                    .collect(Collectors.toCollection(ArrayList::new));
            binding.getGlobalErrors().forEach(e ->
                    fields.add(new FieldViolation(e.getObjectName(), codeOf(e.getCode()), e.getDefaultMessage())));
            return new ApiProblem(HttpStatus.BAD_REQUEST, "validation.failed", "The request has invalid fields.",
                    fields);
        }
        if (error instanceof AccessDeniedException || error instanceof AuthorizationDeniedException) {
            return new ApiProblem(HttpStatus.FORBIDDEN, "auth.forbidden",
                    "Your role does not grant the permission this request needs.");
        }
        if (error instanceof org.springframework.dao.DuplicateKeyException duplicate) {
            return UniqueConstraints.problemFor(duplicate);
        }
        if (error instanceof org.springframework.dao.DataIntegrityViolationException violation
                && CheckConstraints.problemFor(violation).isPresent()) {
            return CheckConstraints.problemFor(violation).get();
        }
        if (error instanceof io.ledgerline.projections.shared.InvalidCursor) {
            return ApiProblem.badRequest("request.bad_query", "Query parameter 'cursor' is not valid.",
                    new FieldViolation("cursor", "invalid", "expected the nextCursor of a previous page of this list"));
        }
        if (error instanceof ServerWebInputException input) {
            return fromInput(input);
        }
        if (error instanceof ResponseStatusException status) {
            return fromStatus(status.getStatusCode(), status.getReason());
        }
        log.error("Request {} failed unexpectedly", requestId, failure);
        return new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Something went wrong on our side. Quote request id " + requestId + " when reporting it.");
    }

    private static ApiProblem fromInput(ServerWebInputException input) {
        Throwable cause = input.getCause();
        while (cause != null && !(cause instanceof JacksonException) && !(cause instanceof DataBufferLimitException)) {
            cause = cause.getCause();
        }
        if (cause instanceof DataBufferLimitException) {
            return ApiProblem.badRequest("request.too_large", "The request body is larger than this API accepts.");
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return ApiProblem.badRequest("request.unknown_field", "The body has a field this endpoint does not know.",
                    new FieldViolation(path(unknown), "unknown_field", "unknown field '" + unknown.getPropertyName() + "'"));
        }
        if (cause instanceof InvalidFormatException invalid) {
            return ApiProblem.badRequest("request.invalid_value", "A field has a value of the wrong form.",
                    new FieldViolation(path(invalid), "invalid_value", describe(invalid)));
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return ApiProblem.badRequest("request.invalid_value", "A field has a value of the wrong type.",
                    new FieldViolation(path(mismatch), "wrong_type", "expected " + simpleName(mismatch.getTargetType())));
        }
        if (cause instanceof JacksonException) {
            return ApiProblem.badRequest("request.malformed_json", "The body is not well-formed JSON.");
        }
        if (input.getCause() instanceof DecodingException) {
            return ApiProblem.badRequest("request.malformed_json", "The body could not be read.");
        }
        return ApiProblem.badRequest("request.invalid", input.getReason() == null ? "The request is not valid." : input.getReason());
    }

    private static String describe(InvalidFormatException invalid) {
        Class<?> target = invalid.getTargetType();
        if (target != null && target.isEnum()) {
            List<String> allowed = java.util.Arrays.stream(target.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(java.util.Locale.ROOT)).toList();
            return "'" + invalid.getValue() + "' is not one of " + String.join(", ", allowed);
        }
        return "'" + invalid.getValue() + "' is not a valid " + simpleName(target);
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "value" : type.getSimpleName();
    }

    private static String path(DatabindException exception) {
        StringBuilder path = new StringBuilder();
        for (var reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static ApiProblem fromStatus(HttpStatusCode code, String reason) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String problemCode = switch (status) {
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "request.method_not_allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "request.unsupported_media_type";
            case NOT_ACCEPTABLE -> "request.not_acceptable";
            case UNAUTHORIZED -> "auth.unauthenticated";
            case FORBIDDEN -> "auth.forbidden";
            default -> "request.invalid";
        };
        return new ApiProblem(status, problemCode, reason == null ? status.getReasonPhrase() : reason);
    }

    private static String codeOf(String validationCode) {
        if (validationCode == null) {
            return "invalid";
        }
        return switch (validationCode) {
            case "NotNull", "NotBlank", "NotEmpty" -> "required";
            case "Size", "Length" -> "size";
            case "Email" -> "email";
            case "Pattern" -> "pattern";
            case "Min", "DecimalMin", "Positive", "PositiveOrZero" -> "too_small";
            case "Max", "DecimalMax" -> "too_large";
            case "Digits" -> "digits";
            default -> validationCode.toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable error = failure;
        while ((error instanceof CompletionException || error instanceof java.util.concurrent.ExecutionException)
                && error.getCause() != null) {
            error = error.getCause();
        }
        if (error instanceof CommandExecutionException remote && remote.getCause() != null) {
            return unwrap(remote.getCause());
        }
        return error;
    }
}
