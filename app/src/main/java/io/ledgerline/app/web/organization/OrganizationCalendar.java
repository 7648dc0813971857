package io.ledgerline.app.web.organization;

import io.ledgerline.app.web.ReadYourWrites;
import io.ledgerline.projections.organization.FetchOrganization;
import io.ledgerline.projections.organization.OrganizationQueries;
import io.ledgerline.projections.organization.OrganizationView;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The organization's own calendar: business dates are dates where the organization works, never dates in UTC, which
 * for part of every day is another date (a rate change without a date applies from this today; an invoice is
 * issued on it and is overdue by it).
 */
@Component
public class OrganizationCalendar {

    private final OrganizationQueries organizations;
    private final Clock clock;

    OrganizationCalendar(OrganizationQueries organizations, Clock clock) {
        this.organizations = organizations;
        this.clock = clock;
    }

    /** The organization as read; right after sign-up the read waits for it to show. */
    public Mono<OrganizationView> organization(UUID orgId) {
        return ReadYourWrites.read(0L, () -> organizations.fetch(new FetchOrganization(orgId)),
                        OrganizationView::version, "organization.not_found")
                .map(ResponseEntity::getBody);
    }

    public Mono<LocalDate> today(UUID orgId) {
        return organization(orgId).map(this::today);
    }

    public LocalDate today(OrganizationView organization) {
        return LocalDate.now(clock.withZone(ZoneId.of(organization.timeZone())));
    }

    /** The business date the instant fell on. */
    public LocalDate dateAt(OrganizationView organization, Instant moment) {
        return LocalDate.ofInstant(moment, ZoneId.of(organization.timeZone()));
    }
}
