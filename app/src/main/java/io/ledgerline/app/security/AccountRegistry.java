package io.ledgerline.app.security;

import io.ledgerline.domain.member.MemberAdded;
import io.ledgerline.domain.member.MemberDeactivated;
import io.ledgerline.domain.member.MemberEnrolledInMfa;
import io.ledgerline.domain.member.MemberReactivated;
import io.ledgerline.domain.member.MemberRoleChanged;
import io.ledgerline.domain.member.OwnerPolicy;
import io.ledgerline.domain.member.Role;
import io.ledgerline.domain.organization.MfaRequirementChanged;
import io.ledgerline.domain.organization.OrganizationRegistered;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command-side registry of accounts: who may sign in, with which role, and whether MFA is enrolled or
 * required. A subscribing processor keeps it in the same transaction as the events, so it is never behind
 * (authorization reads it on every request) and the unique e-mail index refuses a duplicate member atomically.
 */
@Component
@ProcessingGroup(io.ledgerline.app.registry.RegistryGroup.NAME)
public class AccountRegistry implements OwnerPolicy {


    private final JdbcTemplate jdbc;

    AccountRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrganizationRegistered event) {
        jdbc.update("INSERT INTO org_security (org_id, mfa_required) VALUES (?, FALSE) ON CONFLICT DO NOTHING",
                event.orgId());
    }

    @EventHandler
    void on(MfaRequirementChanged event) {
        jdbc.update("UPDATE org_security SET mfa_required = ? WHERE org_id = ?", event.mfaRequired(), event.orgId());
    }

    @EventHandler
    void on(MemberAdded event) {
        jdbc.update("INSERT INTO account (member_id, org_id, email, role, active) VALUES (?, ?, ?, ?, TRUE)",
                event.memberId(), event.orgId(), event.email(), event.role().name());
    }

    @EventHandler
    void on(MemberRoleChanged event) {
        jdbc.update("UPDATE account SET role = ? WHERE member_id = ?", event.role().name(), event.memberId());
    }

    @EventHandler
    void on(MemberDeactivated event) {
        jdbc.update("UPDATE account SET active = FALSE WHERE member_id = ?", event.memberId());
        jdbc.update("UPDATE refresh_token SET revoked = TRUE WHERE member_id = ?", event.memberId());
    }

    @EventHandler
    void on(MemberReactivated event) {
        jdbc.update("UPDATE account SET active = TRUE WHERE member_id = ?", event.memberId());
    }

    @EventHandler
    void on(MemberEnrolledInMfa event) {
        jdbc.update("UPDATE account SET mfa_enrolled = TRUE WHERE member_id = ?", event.memberId());
    }

    /** Counted under a row lock, so two concurrent demotions cannot both pass the last-owner check. */
    @Override
    public long activeOwners(UUID orgId) {
        return jdbc.queryForList("SELECT member_id FROM account WHERE org_id = ? AND role = ? AND active FOR UPDATE",
                UUID.class, orgId, Role.OWNER.name()).size();
    }

    public boolean emailTaken(String email) {
        Boolean taken = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM account WHERE lower(email) = lower(?))",
                Boolean.class, email.trim());
        return Boolean.TRUE.equals(taken);
    }
}
