package io.ledgerline.domain.time;

import io.ledgerline.domain.client.ClientStanding;
import io.ledgerline.domain.project.BillingMethod;
import io.ledgerline.domain.project.ProjectStatus;
import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.domain.shared.Names;
import java.util.UUID;

/**
 * Time booked by a member on a project, and maybe one of its tasks: the rules a time entry and a timer share. The
 * client is the project's, and whether the time is billed follows the project and task unless said otherwise.
 */
record Booking(UUID clientId, boolean billable) {

    static final int MAX_DESCRIPTION_LENGTH = 2000;

    /**
     * @param billable {@code null} for the default: not billed on a non-billable project, else as the task says,
     *                 else billed
     */
    static Booking on(BookableWork work, UUID orgId, UUID projectId, UUID taskId, Boolean billable) {
        BookableWork.Project project = projectId == null ? null : work.project(orgId, projectId).orElse(null);
        if (project == null) {
            throw BusinessRuleViolation.notFound("project.not_found", "No such project.");
        }
        if (project.status() == ProjectStatus.ARCHIVED) {
            throw BusinessRuleViolation.unprocessable("project.archived",
                    "The project is archived; no time can be booked on it.");
        }
        if (project.clientStanding() != ClientStanding.ACTIVE) {
            throw BusinessRuleViolation.unprocessable("client.inactive",
                    "The project's client is inactive; no time can be booked for it.");
        }
        BookableWork.Task task = null;
        if (taskId != null) {
            task = work.task(orgId, projectId, taskId).orElseThrow(() ->
                    BusinessRuleViolation.notFound("task.not_found", "The project has no such task."));
            if (!task.active()) {
                throw BusinessRuleViolation.unprocessable("task.inactive",
                        "The task is deactivated; no time can be booked on it.");
            }
        }
        boolean billableProject = project.billingMethod() != BillingMethod.NON_BILLABLE;
        if (billable == null) {
            return new Booking(project.clientId(), billableProject && (task == null || task.billable()));
        }
        if (billable && !billableProject) {
            throw BusinessRuleViolation.unprocessable("time_entry.project_not_billable",
                    "The project is non-billable; its time cannot be billed.");
        }
        return new Booking(project.clientId(), billable);
    }

    static void requireActiveMember(BookableWork work, UUID orgId, UUID memberId) {
        Boolean active = memberId == null ? null : work.memberActive(orgId, memberId).orElse(null);
        if (active == null) {
            throw BusinessRuleViolation.notFound("member.not_found", "No such member.");
        }
        if (!active) {
            throw BusinessRuleViolation.unprocessable("member.inactive",
                    "The member is deactivated; no time can be booked for them.");
        }
    }

    static String description(String raw) {
        String description = Names.tidy(raw);
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            throw BusinessRuleViolation.unprocessable("time_entry.description_too_long",
                    "A description has at most " + MAX_DESCRIPTION_LENGTH + " characters.");
        }
        return description;
    }
}
