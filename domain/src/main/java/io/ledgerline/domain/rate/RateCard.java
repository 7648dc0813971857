package io.ledgerline.domain.rate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An organization's effective-dated hourly rates for its default, clients, projects, tasks and members. A change
 * applies from its date on, so work before that date keeps the rate it had. The card comes into being with its
 * first rate.
 */
@Aggregate
public class RateCard {

    /** Rates are money per hour; a finer fraction than this is a typing mistake, not a price. */
    static final int MAX_FRACTION_DIGITS = 4;

    /** The metadata key the application sends a caller's If-Match version under. */
    static final String EXPECTED_VERSION = "expectedVersion";

    @AggregateIdentifier
    private UUID rateCardId;
    private UUID orgId;
    private final Map<Slot, BigDecimal> rates = new HashMap<>();

    /** One point of the schedule: a level's target from a date on ({@code null}: since always). */
    private record Slot(RateLevel level, UUID targetId, LocalDate effectiveFrom) {
    }

    protected RateCard() {
        // for Axon, and as the empty card the first rate is scheduled on
    }

    /** The card's id: derived from the organization's but never equal to it, as ids are unique across aggregates. */
    public static UUID idOf(UUID orgId) {
        return UUID.nameUUIDFromBytes(("rates:" + orgId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param expectedVersion the card's version the caller read (If-Match), from the command's metadata. Axon checks
     *                        it when it loads an aggregate, but not on the create-if-missing path, so it is checked
     *                        here, under the aggregate's lock.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ScheduleRate command, RateTargets targets,
                       @MetaDataValue(EXPECTED_VERSION) Long expectedVersion) {
        if (command.orgId() == null || !idOf(command.orgId()).equals(command.rateCardId())
                || (orgId != null && !orgId.equals(command.orgId()))) {
            throw BusinessRuleViolation.notFound("rate_card.not_found", "No such rate card.");
        }
        Long version = AggregateLifecycle.getVersion();
        if (expectedVersion != null && !expectedVersion.equals(version)) {
            throw new ConflictingAggregateVersionException(command.rateCardId().toString(), expectedVersion,
                    version == null ? -1 : version);
        }
        RateLevel level = command.level();
        if (level == null) {
            throw BusinessRuleViolation.unprocessable("rate.level_required",
                    "Say which level the rate is for: organization, client, project, task or member.");
        }
        requireTarget(level, command.orgId(), command.targetId(), targets);
        BigDecimal rate = validRate(command.hourlyRate());
        Slot slot = new Slot(level, command.targetId(), command.effectiveFrom());
        if (rates.containsKey(slot) && sameAmount(rates.get(slot), rate)) {
            return;
        }
        apply(new HourlyRateScheduled(command.orgId(), command.rateCardId(), level, command.targetId(), rate,
                command.effectiveFrom()));
    }

    private static void requireTarget(RateLevel level, UUID orgId, UUID targetId, RateTargets targets) {
        if (level == RateLevel.ORGANIZATION) {
            if (targetId != null) {
                throw BusinessRuleViolation.unprocessable("rate.target_not_allowed",
                        "The organization's default rate has no target.");
            }
            return;
        }
        if (targetId == null) {
            throw BusinessRuleViolation.unprocessable("rate.target_required",
                    "Say which " + level.source() + " the rate is for.");
        }
        if (!targets.exists(orgId, level, targetId)) {
            throw BusinessRuleViolation.notFound(level.source() + ".not_found", "No such " + level.source() + ".");
        }
    }

    private static BigDecimal validRate(BigDecimal rate) {
        if (rate == null) {
            return null;
        }
        if (rate.signum() < 0) {
            throw BusinessRuleViolation.unprocessable("rate.negative", "An hourly rate cannot be negative.");
        }
        if (rate.stripTrailingZeros().scale() > MAX_FRACTION_DIGITS) {
            throw BusinessRuleViolation.unprocessable("rate.too_precise",
                    "An hourly rate has at most " + MAX_FRACTION_DIGITS + " decimal places.");
        }
        return rate;
    }

    /** 100 and 100.00 are the same rate: a schedule that changes nothing records nothing. */
    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    @EventSourcingHandler
    void on(HourlyRateScheduled event) {
        rateCardId = event.rateCardId();
        orgId = event.orgId();
        rates.put(new Slot(event.level(), event.targetId(), event.effectiveFrom()), event.hourlyRate());
    }
}
