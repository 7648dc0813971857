package io.ledgerline.projections.project;

import io.ledgerline.domain.project.ProjectStatus;
import io.ledgerline.projections.shared.Window;
import java.util.UUID;

/**
 * Projects of an organization by name. {@code clientId} null: every client's; {@code status} null: every status;
 * {@code search} null: any name, else names containing it (case-insensitively).
 */
public record FindProjects(UUID orgId, UUID clientId, ProjectStatus status, String search, Window window) {
}
