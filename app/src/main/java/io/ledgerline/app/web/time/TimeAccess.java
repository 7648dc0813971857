package io.ledgerline.app.web.time;

import io.ledgerline.app.security.Caller;
import io.ledgerline.app.web.ApiProblem;
import io.ledgerline.domain.member.Permissions;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * Whose time a caller may see and change. Everyone with {@code time:log} keeps their own; seeing others' time needs
 * {@code time:view_all}, logging or changing it {@code time:manage_others}. An entry the caller may not see reads as
 * one that does not exist; naming another member the caller may not act for is a 403.
 */
public final class TimeAccess {

    /** Reading time: one's own with time:log, anyone's with time:view_all. */
    public static final String SEE_TIME = "hasAnyAuthority('" + Permissions.TIME_LOG + "', '"
            + Permissions.TIME_VIEW_ALL + "')";

    private TimeAccess() {
    }

    public static boolean maySee(Caller caller, UUID memberId) {
        return caller.memberId().equals(memberId) || caller.may(Permissions.TIME_VIEW_ALL);
    }

    /** The member whose time a list or view shows: the one asked for, else the caller. */
    public static UUID memberToSee(Caller caller, UUID asked) {
        UUID memberId = asked == null ? caller.memberId() : asked;
        if (!maySee(caller, memberId)) {
            throw forbidden("Seeing another member's time needs " + Permissions.TIME_VIEW_ALL + ".");
        }
        return memberId;
    }

    static void requireMayActFor(Caller caller, UUID memberId) {
        if (!caller.memberId().equals(memberId) && !caller.may(Permissions.TIME_MANAGE_OTHERS)) {
            throw forbidden("Logging or changing another member's time needs " + Permissions.TIME_MANAGE_OTHERS
                    + ".");
        }
    }

    static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "auth.forbidden", detail);
    }
}
