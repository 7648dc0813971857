package io.ledgerline.domain.member;

import static io.ledgerline.domain.shared.Violations.violation;

import io.ledgerline.domain.shared.BusinessRuleViolation.Kind;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemberTest {

    private final UUID orgId = UUID.randomUUID();
    private final UUID otherOrgId = UUID.randomUUID();
    private final UUID memberId = UUID.randomUUID();
    /** How many active owners the organization has, as the command-side registry would answer. */
    private long activeOwners;
    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Member.class);
        OwnerPolicy owners = org -> org.equals(orgId) ? activeOwners : 0;
        fixture.registerInjectableResource(owners);
    }

    private MemberAdded added(Role role) {
        return new MemberAdded(orgId, memberId, "mia@example.com", "Mia Member", role);
    }

    @Test
    void addingAMemberRecordsTheirNormalizedEmailAndName() {
        fixture.givenNoPriorActivity()
                .when(new AddMember(orgId, memberId, "  Mia@Example.COM ", " Mia Member ", Role.MEMBER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(added(Role.MEMBER));
    }

    @Test
    void aMemberNeedsARole() {
        fixture.givenNoPriorActivity()
                .when(new AddMember(orgId, memberId, "mia@example.com", "Mia", null))
                .expectNoEvents()
                .expectException(violation(Kind.UNPROCESSABLE, "member.role_required"));
    }

    @Test
    void changingTheRoleRecordsTheOldAndTheNewRole() {
        fixture.given(added(Role.MEMBER))
                .when(new ChangeMemberRole(orgId, memberId, Role.MANAGER))
                .expectEvents(new MemberRoleChanged(orgId, memberId, Role.MANAGER, Role.MEMBER));
    }

    @Test
    void givingTheSameRoleRecordsNothing() {
        fixture.given(added(Role.ADMIN))
                .when(new ChangeMemberRole(orgId, memberId, Role.ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theLastOwnerCannotBeDemoted() {
        activeOwners = 1;
        fixture.given(added(Role.OWNER))
                .when(new ChangeMemberRole(orgId, memberId, Role.ADMIN))
                .expectNoEvents()
                .expectException(violation(Kind.CONFLICT, "member.last_owner"));
    }

    @Test
    void anOwnerMayBeDemotedWhileAnotherOwnerRemains() {
        activeOwners = 2;
        fixture.given(added(Role.OWNER))
                .when(new ChangeMemberRole(orgId, memberId, Role.ADMIN))
                .expectEvents(new MemberRoleChanged(orgId, memberId, Role.ADMIN, Role.OWNER));
    }

    @Test
    void aDeactivatedOwnerMayBeDemotedEvenWithoutAnotherActiveOwner() {
        activeOwners = 1;
        fixture.given(added(Role.OWNER), new MemberDeactivated(orgId, memberId))
                .when(new ChangeMemberRole(orgId, memberId, Role.MEMBER))
                .expectEvents(new MemberRoleChanged(orgId, memberId, Role.MEMBER, Role.OWNER));
    }

    @Test
    void deactivatingAMemberRecordsIt() {
        fixture.given(added(Role.MEMBER))
                .when(new DeactivateMember(orgId, memberId))
                .expectEvents(new MemberDeactivated(orgId, memberId));
    }

    @Test
    void deactivatingAnInactiveMemberRecordsNothing() {
        fixture.given(added(Role.MEMBER), new MemberDeactivated(orgId, memberId))
                .when(new DeactivateMember(orgId, memberId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theLastOwnerCannotBeDeactivated() {
        activeOwners = 1;
        fixture.given(added(Role.OWNER))
                .when(new DeactivateMember(orgId, memberId))
                .expectNoEvents()
                .expectException(violation(Kind.CONFLICT, "member.last_owner"));
    }

    @Test
    void anOwnerMayBeDeactivatedWhileAnotherOwnerRemains() {
        activeOwners = 2;
        fixture.given(added(Role.OWNER))
                .when(new DeactivateMember(orgId, memberId))
                .expectEvents(new MemberDeactivated(orgId, memberId));
    }

    @Test
    void reactivatingAnInactiveMemberRecordsIt() {
        fixture.given(added(Role.MEMBER), new MemberDeactivated(orgId, memberId))
                .when(new ReactivateMember(orgId, memberId))
                .expectEvents(new MemberReactivated(orgId, memberId));
    }

    @Test
    void reactivatingAnActiveMemberRecordsNothing() {
        fixture.given(added(Role.MEMBER))
                .when(new ReactivateMember(orgId, memberId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void confirmingAnAuthenticatorEnrolsTheMemberInMfa() {
        fixture.given(added(Role.MEMBER))
                .when(new RecordMfaEnrolment(orgId, memberId))
                .expectEvents(new MemberEnrolledInMfa(orgId, memberId));
    }

    @Test
    void enrollingTwiceRecordsNothing() {
        fixture.given(added(Role.MEMBER), new MemberEnrolledInMfa(orgId, memberId))
                .when(new RecordMfaEnrolment(orgId, memberId))
                .expectNoEvents();
    }

    @Test
    void aMemberOfAnotherOrganizationCannotBeChangedAndLooksAbsent() {
        fixture.given(added(Role.MEMBER))
                .when(new ChangeMemberRole(otherOrgId, memberId, Role.ADMIN))
                .expectNoEvents()
                .expectException(violation(Kind.NOT_FOUND, "member.not_found"));
    }

    @Test
    void aMemberOfAnotherOrganizationCannotBeDeactivated() {
        fixture.given(added(Role.MEMBER))
                .when(new DeactivateMember(otherOrgId, memberId))
                .expectException(violation(Kind.NOT_FOUND, "member.not_found"));
    }

    @Test
    void aMemberOfAnotherOrganizationCannotBeReactivated() {
        fixture.given(added(Role.MEMBER), new MemberDeactivated(orgId, memberId))
                .when(new ReactivateMember(otherOrgId, memberId))
                .expectException(violation(Kind.NOT_FOUND, "member.not_found"));
    }

    @Test
    void mfaCannotBeRecordedForAMemberOfAnotherOrganization() {
        fixture.given(added(Role.MEMBER))
                .when(new RecordMfaEnrolment(otherOrgId, memberId))
                .expectException(violation(Kind.NOT_FOUND, "member.not_found"));
    }
}
