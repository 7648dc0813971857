package io.ledgerline.projections.member;

import io.ledgerline.domain.member.MemberAdded;
import io.ledgerline.domain.member.MemberDeactivated;
import io.ledgerline.domain.member.MemberEnrolledInMfa;
import io.ledgerline.domain.member.MemberReactivated;
import io.ledgerline.domain.member.MemberRoleChanged;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
@ProcessingGroup(MemberProjection.GROUP)
public class MemberProjection {

    public static final String GROUP = "members";

    private final JdbcTemplate jdbc;

    public MemberProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MemberAdded event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("""
                        INSERT INTO member_view (member_id, org_id, email, name, role, active, mfa_enrolled, joined_at,
                            version)
                        VALUES (?, ?, ?, ?, ?, TRUE, FALSE, ?, ?) ON CONFLICT (member_id) DO NOTHING""",
                event.memberId(), event.orgId(), event.email(), event.name(), event.role().name(),
                java.sql.Timestamp.from(at), version);
    }

    @EventHandler
    void on(MemberRoleChanged event, @SequenceNumber long version) {
        set(event.memberId(), "role", event.role().name(), version);
    }

    @EventHandler
    void on(MemberDeactivated event, @SequenceNumber long version) {
        set(event.memberId(), "active", false, version);
    }

    @EventHandler
    void on(MemberReactivated event, @SequenceNumber long version) {
        set(event.memberId(), "active", true, version);
    }

    @EventHandler
    void on(MemberEnrolledInMfa event, @SequenceNumber long version) {
        set(event.memberId(), "mfa_enrolled", true, version);
    }

    private void set(UUID memberId, String column, Object value, long version) {
        jdbc.update("UPDATE member_view SET " + column + " = ?, version = ? WHERE member_id = ? AND version < ?",
                value, version, memberId, version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM member_view");
    }
}
