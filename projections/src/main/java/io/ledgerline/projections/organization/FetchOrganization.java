package io.ledgerline.projections.organization;

import java.util.UUID;

public record FetchOrganization(UUID orgId) {
}
