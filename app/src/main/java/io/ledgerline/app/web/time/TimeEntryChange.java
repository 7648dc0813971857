package io.ledgerline.app.web.time;

import io.ledgerline.app.web.PatchBody;
import io.ledgerline.domain.time.JiraIssueKeys;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A PATCH of a time entry. A field absent from the body stays as it is; a field given as {@code null} is cleared
 * (task, start and end time, description, Jira issue key) or set back to its default (billable). Records cannot tell
 * the two apart, so the setters note what was sent.
 */
class TimeEntryChange extends PatchBody {

    private UUID projectId;
    private UUID taskId;
    private LocalDate date;
    private LocalTime startTime;
    private LocalTime endTime;
    private Integer minutes;
    @Size(max = 2000)
    private String description;
    private Boolean billable;
    @Pattern(regexp = JiraIssueKeys.PATTERN, message = "must be a Jira issue key such as WEB-42")
    private String jiraIssueKey;

    UUID projectId() {
        return projectId;
    }

    UUID taskId() {
        return taskId;
    }

    LocalDate date() {
        return date;
    }

    LocalTime startTime() {
        return startTime;
    }

    LocalTime endTime() {
        return endTime;
    }

    Integer minutes() {
        return minutes;
    }

    String description() {
        return description;
    }

    Boolean billable() {
        return billable;
    }

    String jiraIssueKey() {
        return jiraIssueKey;
    }

    public void setProjectId(UUID projectId) {
        this.projectId = projectId;
        given("projectId", projectId);
    }

    public void setTaskId(UUID taskId) {
        this.taskId = taskId;
        given("taskId", taskId);
    }

    public void setDate(LocalDate date) {
        this.date = date;
        given("date", date);
    }

    public void setStartTime(LocalTime startTime) {
        this.startTime = startTime;
        given("startTime", startTime);
    }

    public void setEndTime(LocalTime endTime) {
        this.endTime = endTime;
        given("endTime", endTime);
    }

    public void setMinutes(Integer minutes) {
        this.minutes = minutes;
        given("minutes", minutes);
    }

    public void setDescription(String description) {
        this.description = description;
        given("description", description);
    }

    public void setBillable(Boolean billable) {
        this.billable = billable;
        given("billable", billable);
    }

    public void setJiraIssueKey(String jiraIssueKey) {
        this.jiraIssueKey = jiraIssueKey;
        given("jiraIssueKey", jiraIssueKey);
    }
}
