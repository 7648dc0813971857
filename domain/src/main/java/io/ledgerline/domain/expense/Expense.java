package io.ledgerline.domain.expense;

import static io.ledgerline.domain.expense.ExpenseReferences.requireActiveCategory;
import static io.ledgerline.domain.expense.ExpenseReferences.requireOpenProject;
import static io.ledgerline.domain.expense.ExpenseReferences.validMerchant;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.ledgerline.domain.expense.ExpenseDirectory.CategoryStanding;
import io.ledgerline.domain.expense.ExpenseDirectory.MerchantDefaults;
import io.ledgerline.domain.invoice.BilledWork;
import io.ledgerline.domain.member.Permissions;
import io.ledgerline.domain.member.Role;
import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.domain.shared.Names;
import io.ledgerline.domain.shared.OrgScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Money a member spent for the organization: what, where, how much, for which project, whether the client is
 * billed for it and whether the member is paid back. It moves from draft through submission to approval (or back
 * to its member when rejected). Submitted, approved and invoiced expenses are locked: only an admin's unlock, which
 * is kept in its history with a reason, lets one more change through.
 */
@Aggregate
public class Expense {

    public static final int MAX_MERCHANT_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 2000;
    public static final int MAX_REASON_LENGTH = 1000;
    public static final int MAX_EXTERNAL_ID_LENGTH = 200;
    public static final int MAX_FILENAME_LENGTH = 255;
    /** Whole digits an amount may have: the read model keeps amounts as numeric(19,4). */
    public static final int MAX_AMOUNT_DIGITS = 15;
    public static final long MAX_RECEIPT_BYTES = 5L * 1024 * 1024;
    public static final Set<String> RECEIPT_TYPES = Set.of("image/jpeg", "image/png", "application/pdf");

    private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @AggregateIdentifier
    private UUID expenseId;
    private UUID orgId;
    private UUID memberId;
    private Details details;
    private ExpenseStatus status;
    private Receipt receipt;
    /** An admin's unlock lets the next change, receipt change or deletion through, then it is spent. */
    private boolean unlocked;

    /** What the member can change, compared as a whole so that a change without a difference records nothing. */
    private record Details(LocalDate date, BigDecimal amount, Currency currency, String merchant, UUID categoryId,
                           UUID projectId, UUID clientId, String description, boolean billable,
                           boolean reimbursable) {
    }

    private record Receipt(String contentType, long sizeBytes, String sha256, String filename) {
    }

    protected Expense() {
        // for Axon
    }

    @CommandHandler
    public Expense(CreateExpense command, ExpenseDirectory directory) {
        UUID org = command.orgId();
        if (directory.activeRole(org, command.memberId()).isEmpty()) {
            throw BusinessRuleViolation.notFound("member.not_found", "No such active member in your organization.");
        }
        String merchant = validMerchant(command.merchant());
        UUID categoryId = command.categoryId();
        UUID projectId = command.projectId();
        AppliedDefaults defaults = null;
        if (categoryId == null || projectId == null) {
            MerchantDefaults mapping = directory.merchantDefaults(org, merchant).orElse(null);
            if (mapping != null) {
                // A mapping made before its project was archived or its category deactivated fills nothing stale.
                boolean fillCategory = categoryId == null && mapping.categoryId() != null
                        && directory.category(org, mapping.categoryId()).orElse(null) == CategoryStanding.ACTIVE;
                boolean fillProject = projectId == null && mapping.projectId() != null
                        && directory.project(org, mapping.projectId()).filter(ExpenseReferences::isOpen).isPresent();
                categoryId = fillCategory ? mapping.categoryId() : categoryId;
                projectId = fillProject ? mapping.projectId() : projectId;
                defaults = fillCategory || fillProject
                        ? new AppliedDefaults(mapping.mappingId(), fillProject, fillCategory) : null;
            }
        }
        requireCategory(directory, org, categoryId);
        UUID clientId = projectId == null ? null : requireOpenProject(directory, org, projectId).clientId();
        Currency currency = command.currency() == null ? directory.currencyOf(org) : command.currency();
        Details details = validDetails(command.date(), command.amount(), currency, merchant, categoryId, projectId,
                clientId, command.description(), command.billable(), command.reimbursable());
        ExpenseSource source = validSource(command.source());
        if (source.type() == ExpenseSourceType.EXTERNAL
                && directory.externalIdTaken(org, source.provider(), source.externalId())) {
            throw externalIdTaken();
        }
        apply(new ExpenseCreated(org, command.expenseId(), command.memberId(), command.recordedBy(), details.date(),
                details.amount(), details.currency(), details.merchant(), details.categoryId(), details.projectId(),
                details.clientId(), details.description(), details.billable(), details.reimbursable(), source,
                defaults));
    }

    @CommandHandler
    public void handle(ChangeExpense command, ExpenseDirectory directory, BilledWork billed) {
        requireSameOrganization(command);
        requireMayActFor(directory, command.actorId());
        requireChangeable(billed);
        UUID categoryId = command.categoryId() == null ? details.categoryId() : command.categoryId();
        if (!categoryId.equals(details.categoryId())) {
            // An expense keeps a category deactivated after it was chosen; choosing it anew is refused.
            requireCategory(directory, orgId, categoryId);
        }
        UUID projectId = command.clearProject() ? null
                : command.projectId() == null ? details.projectId() : command.projectId();
        UUID clientId = details.clientId();
        if (projectId == null) {
            clientId = null;
        } else if (!projectId.equals(details.projectId())) {
            clientId = requireOpenProject(directory, orgId, projectId).clientId();
        }
        Details changed = validDetails(
                command.date() == null ? details.date() : command.date(),
                command.amount() == null ? details.amount() : command.amount(),
                command.currency() == null ? details.currency() : command.currency(),
                command.merchant() == null ? details.merchant() : validMerchant(command.merchant()),
                categoryId, projectId, clientId,
                command.description() == null ? details.description() : command.description(),
                command.billable() == null ? details.billable() : command.billable(),
                command.reimbursable() == null ? details.reimbursable() : command.reimbursable());
        if (!changed.equals(details)) {
            apply(new ExpenseChanged(orgId, expenseId, memberId, changed.date(), changed.amount(), changed.currency(),
                    changed.merchant(), changed.categoryId(), changed.projectId(), changed.clientId(),
                    changed.description(), changed.billable(), changed.reimbursable()));
        }
    }

    @CommandHandler
    public void handle(DeleteExpense command, ExpenseDirectory directory, BilledWork billed) {
        requireSameOrganization(command);
        requireMayActFor(directory, command.actorId());
        if (billed.invoiceOf(orgId, expenseId).isPresent()) {
            // The invoice keeps the line it billed: the expense behind it must stay, unlocked or not.
            throw BusinessRuleViolation.conflict("expense.invoiced",
                    "The expense is billed by an invoice and cannot be deleted; void the invoice first.");
        }
        requireChangeable(billed);
        apply(new ExpenseDeleted(orgId, expenseId, memberId));
    }

    @CommandHandler
    public void handle(SubmitExpense command, ExpenseDirectory directory) {
        requireSameOrganization(command);
        requireMayActFor(directory, command.actorId());
        if (status == ExpenseStatus.SUBMITTED) {
            return;
        }
        if (status == ExpenseStatus.APPROVED) {
            throw approved();
        }
        apply(new ExpenseSubmitted(orgId, expenseId, memberId, command.actorId()));
    }

    @CommandHandler
    public void handle(ApproveExpense command, ExpenseDirectory directory) {
        requireSameOrganization(command);
        if (status == ExpenseStatus.APPROVED) {
            return;
        }
        requireSubmitted();
        requireNotOwnDecision(directory, command.approverId());
        apply(new ExpenseApproved(orgId, expenseId, memberId, command.approverId()));
    }

    @CommandHandler
    public void handle(RejectExpense command, ExpenseDirectory directory) {
        requireSameOrganization(command);
        String reason = validReason(command.reason());
        if (status == ExpenseStatus.APPROVED) {
            throw approved();
        }
        requireSubmitted();
        requireNotOwnDecision(directory, command.approverId());
        apply(new ExpenseRejected(orgId, expenseId, memberId, command.approverId(), reason));
    }

    @CommandHandler
    public void handle(UnlockExpense command, BilledWork billed) {
        requireSameOrganization(command);
        String reason = validReason(command.reason());
        if (unlocked) {
            return;
        }
        ExpenseLock lock = lock(billed);
        if (lock == null) {
            throw BusinessRuleViolation.conflict("expense.not_locked",
                    "The expense can be changed as it is: there is nothing to unlock.");
        }
        apply(new ExpenseUnlocked(orgId, expenseId, memberId, command.actorId(), lock, reason));
    }

    @CommandHandler
    public void handle(AttachReceipt command, ExpenseDirectory directory, BilledWork billed) {
        requireSameOrganization(command);
        requireMayActFor(directory, command.actorId());
        requireChangeable(billed);
        Receipt attached = validReceipt(command);
        if (!attached.equals(receipt)) {
            apply(new ReceiptAttached(orgId, expenseId, memberId, attached.contentType(), attached.sizeBytes(),
                    attached.sha256(), attached.filename()));
        }
    }

    @CommandHandler
    public void handle(RemoveReceipt command, ExpenseDirectory directory, BilledWork billed) {
        requireSameOrganization(command);
        requireMayActFor(directory, command.actorId());
        if (receipt == null) {
            throw BusinessRuleViolation.notFound("receipt.not_found", "The expense has no receipt.");
        }
        requireChangeable(billed);
        apply(new ReceiptRemoved(orgId, expenseId, memberId));
    }

    private void requireSameOrganization(OrgScoped command) {
        if (!orgId.equals(command.orgId())) {
            throw notFound();
        }
    }

    /**
     * A member handles their own expenses; handling someone else's takes the right to approve expenses. To anyone
     * else the expense does not exist, as it does not in their list.
     */
    private void requireMayActFor(ExpenseDirectory directory, UUID actorId) {
        if (memberId.equals(actorId)) {
            return;
        }
        boolean mayActForOthers = actorId != null && directory.activeRole(orgId, actorId)
                .map(role -> role.grants(Permissions.EXPENSES_APPROVE))
                .orElse(false);
        if (!mayActForOthers) {
            throw notFound();
        }
    }

    /** Owners and admins have nobody above them, so they may decide on their own expenses; anyone else may not. */
    private void requireNotOwnDecision(ExpenseDirectory directory, UUID approverId) {
        if (!memberId.equals(approverId)) {
            return;
        }
        Role role = directory.activeRole(orgId, approverId).orElse(null);
        if (role != Role.OWNER && role != Role.ADMIN) {
            throw BusinessRuleViolation.unprocessable("expense.own_approval",
                    "Someone else must approve or reject your own expense; only owners and admins decide on their "
                            + "own.");
        }
    }

    private void requireSubmitted() {
        if (status != ExpenseStatus.SUBMITTED) {
            throw BusinessRuleViolation.conflict("expense.not_submitted",
                    "Only a submitted expense can be approved or rejected.");
        }
    }

    private void requireChangeable(BilledWork billed) {
        if (unlocked) {
            return;
        }
        ExpenseLock lock = lock(billed);
        if (lock == ExpenseLock.INVOICED) {
            throw BusinessRuleViolation.conflict("expense.invoiced",
                    "The expense is billed by an invoice; an admin must unlock it before it can be corrected.");
        }
        if (lock == ExpenseLock.APPROVED) {
            throw approved();
        }
        if (lock == ExpenseLock.SUBMITTED) {
            throw BusinessRuleViolation.conflict("expense.submitted",
                    "The expense is submitted for approval; it can change once rejected, or after an admin "
                            + "unlocks it.");
        }
    }

    /** What keeps the expense from changing, the strongest reason first; {@code null} when nothing does. */
    private ExpenseLock lock(BilledWork billed) {
        if (billed.invoiceOf(orgId, expenseId).isPresent()) {
            return ExpenseLock.INVOICED;
        }
        return switch (status) {
            case APPROVED -> ExpenseLock.APPROVED;
            case SUBMITTED -> ExpenseLock.SUBMITTED;
            case DRAFT, REJECTED -> null;
        };
    }

    private static BusinessRuleViolation approved() {
        return BusinessRuleViolation.conflict("expense.approved",
                "The expense is approved and locked; an admin must unlock it before it can change.");
    }

    private static BusinessRuleViolation notFound() {
        return BusinessRuleViolation.notFound("expense.not_found", "No such expense.");
    }

    private static BusinessRuleViolation externalIdTaken() {
        return BusinessRuleViolation.conflict("expense.external_id_taken",
                "An expense with this provider's id was already recorded in your organization.");
    }

    private static void requireCategory(ExpenseDirectory directory, UUID orgId, UUID categoryId) {
        if (categoryId == null) {
            throw BusinessRuleViolation.unprocessable("expense.category_required", "An expense needs a category.");
        }
        requireActiveCategory(directory, orgId, categoryId);
    }

    private static Details validDetails(LocalDate date, BigDecimal amount, Currency currency, String merchant,
                                        UUID categoryId, UUID projectId, UUID clientId, String rawDescription,
                                        boolean billable, boolean reimbursable) {
        if (date == null) {
            throw BusinessRuleViolation.unprocessable("expense.date_required", "An expense needs a date.");
        }
        String description = Names.tidy(rawDescription);
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            throw BusinessRuleViolation.unprocessable("expense.description_too_long",
                    "A description has at most " + MAX_DESCRIPTION_LENGTH + " characters.");
        }
        if (billable && projectId == null) {
            throw BusinessRuleViolation.unprocessable("expense.billable_needs_project",
                    "A billable expense is billed to a project's client: give it a project.");
        }
        return new Details(date, validAmount(amount, currency), currency, merchant, categoryId, projectId, clientId,
                description, billable, reimbursable);
    }

    /** Kept at the currency's minor units, so 12.5 EUR is 12.50 and a change to 12.50 changes nothing. */
    private static BigDecimal validAmount(BigDecimal amount, Currency currency) {
        if (amount == null) {
            throw BusinessRuleViolation.unprocessable("expense.amount_required", "An expense needs an amount.");
        }
        if (amount.signum() <= 0) {
            throw BusinessRuleViolation.unprocessable("expense.amount_not_positive",
                    "An expense's amount must be more than zero.");
        }
        int minorUnits = currency.getDefaultFractionDigits();
        if (minorUnits < 0) {
            throw BusinessRuleViolation.unprocessable("expense.currency_not_money",
                    currency.getCurrencyCode() + " is not a currency money is spent in.");
        }
        BigDecimal plain = amount.stripTrailingZeros();
        if (plain.scale() > minorUnits) {
            throw BusinessRuleViolation.unprocessable("expense.amount_precision",
                    currency.getCurrencyCode() + " amounts have at most " + minorUnits + " decimal places.");
        }
        if (plain.precision() - plain.scale() > MAX_AMOUNT_DIGITS) {
            throw BusinessRuleViolation.unprocessable("expense.amount_too_large",
                    "An amount has at most " + MAX_AMOUNT_DIGITS + " digits before the decimal point.");
        }
        return plain.setScale(minorUnits);
    }

    private static ExpenseSource validSource(ExpenseSource source) {
        if (source == null || source.type() == null || source.type() == ExpenseSourceType.MANUAL) {
            if (source != null && (source.provider() != null || source.externalId() != null)) {
                throw BusinessRuleViolation.unprocessable("expense.source_invalid",
                        "A manual expense has no provider and no external id.");
            }
            return ExpenseSource.MANUAL;
        }
        String provider = Names.tidy(source.provider());
        provider = provider == null ? null : provider.toLowerCase(Locale.ROOT);
        if (provider == null || !PROVIDER.matcher(provider).matches()) {
            throw BusinessRuleViolation.unprocessable("expense.source_invalid",
                    "An imported expense names its provider: letters, digits, '-' or '_', at most 32.");
        }
        String externalId = Names.tidy(source.externalId());
        if (externalId == null || externalId.length() > MAX_EXTERNAL_ID_LENGTH) {
            throw BusinessRuleViolation.unprocessable("expense.source_invalid",
                    "An imported expense carries the provider's id for it, at most " + MAX_EXTERNAL_ID_LENGTH
                            + " characters.");
        }
        return new ExpenseSource(ExpenseSourceType.EXTERNAL, provider, externalId);
    }

    private static String validReason(String raw) {
        String reason = Names.tidy(raw);
        if (reason == null) {
            throw BusinessRuleViolation.unprocessable("expense.reason_required", "Give a reason.");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw BusinessRuleViolation.unprocessable("expense.reason_too_long",
                    "A reason has at most " + MAX_REASON_LENGTH + " characters.");
        }
        return reason;
    }

    private static Receipt validReceipt(AttachReceipt command) {
        String contentType = command.contentType() == null ? null : command.contentType().toLowerCase(Locale.ROOT);
        if (!RECEIPT_TYPES.contains(contentType)) {
            throw BusinessRuleViolation.unprocessable("receipt.unsupported_type",
                    "A receipt is a JPEG, PNG or PDF file.");
        }
        if (command.sizeBytes() <= 0 || command.sizeBytes() > MAX_RECEIPT_BYTES) {
            throw BusinessRuleViolation.unprocessable("receipt.size_invalid",
                    "A receipt has at least one byte and at most " + MAX_RECEIPT_BYTES + " bytes.");
        }
        String sha256 = command.sha256() == null ? null : command.sha256().toLowerCase(Locale.ROOT);
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw BusinessRuleViolation.unprocessable("receipt.digest_invalid",
                    "A receipt is described by its SHA-256 digest in hex.");
        }
        String filename = Names.tidy(command.filename());
        if (filename == null || filename.length() > MAX_FILENAME_LENGTH) {
            throw BusinessRuleViolation.unprocessable("receipt.filename_invalid",
                    "A receipt needs a file name of at most " + MAX_FILENAME_LENGTH + " characters.");
        }
        return new Receipt(contentType, command.sizeBytes(), sha256, filename);
    }

    @EventSourcingHandler
    void on(ExpenseCreated event) {
        expenseId = event.expenseId();
        orgId = event.orgId();
        memberId = event.memberId();
        details = new Details(event.date(), event.amount(), event.currency(), event.merchant(), event.categoryId(),
                event.projectId(), event.clientId(), event.description(), event.billable(), event.reimbursable());
        status = ExpenseStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(ExpenseChanged event) {
        details = new Details(event.date(), event.amount(), event.currency(), event.merchant(), event.categoryId(),
                event.projectId(), event.clientId(), event.description(), event.billable(), event.reimbursable());
        unlocked = false;
    }

    @EventSourcingHandler
    void on(ExpenseSubmitted event) {
        status = ExpenseStatus.SUBMITTED;
        unlocked = false;
    }

    @EventSourcingHandler
    void on(ExpenseApproved event) {
        status = ExpenseStatus.APPROVED;
        unlocked = false;
    }

    @EventSourcingHandler
    void on(ExpenseRejected event) {
        status = ExpenseStatus.REJECTED;
        unlocked = false;
    }

    @EventSourcingHandler
    void on(ExpenseUnlocked event) {
        unlocked = true;
    }

    @EventSourcingHandler
    void on(ReceiptAttached event) {
        receipt = new Receipt(event.contentType(), event.sizeBytes(), event.sha256(), event.filename());
        unlocked = false;
    }

    @EventSourcingHandler
    void on(ReceiptRemoved event) {
        receipt = null;
        unlocked = false;
    }

    @EventSourcingHandler
    void on(ExpenseDeleted event) {
        markDeleted();
    }
}
