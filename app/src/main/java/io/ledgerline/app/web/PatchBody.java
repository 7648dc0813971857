package io.ledgerline.app.web;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * A PATCH body that remembers which fields the client sent, so that a field sent as {@code null} clears the
 * value while a field left out keeps it. Subclasses call {@link #given} from each setter.
 */
public abstract class PatchBody {

    private final Set<String> given = new HashSet<>();
    private final Set<String> sentAsNull = new HashSet<>();

    protected final void given(String field, Object value) {
        given.add(field);
        if (value == null) {
            sentAsNull.add(field);
        }
    }

    public boolean has(String field) {
        return given.contains(field);
    }

    public boolean isEmpty() {
        return given.isEmpty();
    }

    /**
     * Refuses (400) a PATCH that names no field, and one that sends {@code null} for a field every record must
     * keep: such a field can be changed, never cleared.
     */
    public void requireChange(String... keptFields) {
        if (isEmpty()) {
            throw nothingToChange();
        }
        List<FieldViolation> cleared = Arrays.stream(keptFields)
                .filter(sentAsNull::contains)
                .map(field -> new FieldViolation(field, "required", "must not be null"))
                .toList();
        if (!cleared.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation.failed", "The request has invalid fields.",
                    cleared);
        }
    }

    /** The answer to a change request that changes nothing, whatever its body's shape. */
    public static ApiProblem nothingToChange() {
        return ApiProblem.badRequest("validation.failed", "Give at least one field to change.");
    }
}
