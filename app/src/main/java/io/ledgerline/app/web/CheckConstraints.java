package io.ledgerline.app.web;

import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;

/**
 * When two requests race past a rule that a CHECK constraint keeps (a member's day holds at most 24 hours), the
 * database refuses the second transaction. This names the rule, so the loser gets the same problem as a request
 * that came later. Any other integrity failure is a fault, not a refusal.
 */
final class CheckConstraints {

    private static final Map<String, ApiProblem> BY_CONSTRAINT = Map.of(
            "member_day_at_most_24h", new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "time_entry.day_over_24h",
                    "That would make more than 24 hours on that day for the member."));

    private CheckConstraints() {
    }

    static Optional<ApiProblem> problemFor(DataIntegrityViolationException violation) {
        String message = String.valueOf(violation.getMostSpecificCause().getMessage());
        return BY_CONSTRAINT.entrySet().stream()
                .filter(entry -> message.contains("\"" + entry.getKey() + "\""))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
