package io.ledgerline.domain.project;

public enum ProjectStatus {
    ACTIVE,
    COMPLETED,
    ARCHIVED
}
