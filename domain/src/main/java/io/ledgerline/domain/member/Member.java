package io.ledgerline.domain.member;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.domain.shared.OrgScoped;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A person working in an organization: their role and whether they may still sign in. */
@Aggregate
public class Member {

    @AggregateIdentifier
    private UUID memberId;
    private UUID orgId;
    private Role role;
    private boolean active;
    private boolean mfaEnrolled;

    protected Member() {
        // for Axon
    }

    @CommandHandler
    public Member(AddMember command) {
        if (command.role() == null) {
            throw BusinessRuleViolation.unprocessable("member.role_required", "A member needs a role.");
        }
        apply(new MemberAdded(command.orgId(), command.memberId(), command.email().trim().toLowerCase(),
                command.name().trim(), command.role()));
    }

    @CommandHandler
    public void handle(ChangeMemberRole command, OwnerPolicy owners) {
        requireSameOrganization(command);
        if (command.role() == role) {
            return;
        }
        if (role == Role.OWNER && active && owners.activeOwners(orgId) <= 1) {
            throw BusinessRuleViolation.conflict("member.last_owner",
                    "The organization's last active owner cannot be given another role.");
        }
        apply(new MemberRoleChanged(orgId, memberId, command.role(), role));
    }

    @CommandHandler
    public void handle(DeactivateMember command, OwnerPolicy owners) {
        requireSameOrganization(command);
        if (!active) {
            return;
        }
        if (role == Role.OWNER && owners.activeOwners(orgId) <= 1) {
            throw BusinessRuleViolation.conflict("member.last_owner",
                    "The organization's last active owner cannot be deactivated.");
        }
        apply(new MemberDeactivated(orgId, memberId));
    }

    @CommandHandler
    public void handle(ReactivateMember command) {
        requireSameOrganization(command);
        if (!active) {
            apply(new MemberReactivated(orgId, memberId));
        }
    }

    @CommandHandler
    public void handle(RecordMfaEnrolment command) {
        requireSameOrganization(command);
        if (!mfaEnrolled) {
            apply(new MemberEnrolledInMfa(orgId, memberId));
        }
    }

    private void requireSameOrganization(OrgScoped command) {
        if (!orgId.equals(command.orgId())) {
            throw BusinessRuleViolation.notFound("member.not_found", "No such member.");
        }
    }

    @EventSourcingHandler
    void on(MemberAdded event) {
        memberId = event.memberId();
        orgId = event.orgId();
        role = event.role();
        active = true;
    }

    @EventSourcingHandler
    void on(MemberRoleChanged event) {
        role = event.role();
    }

    @EventSourcingHandler
    void on(MemberDeactivated event) {
        active = false;
    }

    @EventSourcingHandler
    void on(MemberReactivated event) {
        active = true;
    }

    @EventSourcingHandler
    void on(MemberEnrolledInMfa event) {
        mfaEnrolled = true;
    }
}
