package io.ledgerline.app.integration.qbo;

import io.ledgerline.domain.qbo.QboSyncPolicy;
import io.ledgerline.domain.shared.BusinessRuleViolation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Plans a force resync with every {@link QboReconciler}: re-fetches everything from QuickBooks and compares it with
 * Ledgerline, without calling a write endpoint. Blocking: call it off the event loop.
 */
@Component
public class QboResyncPlanner {

    private final List<QboReconciler> reconcilers;
    private final QboSyncPolicy policy;

    /** Customers come before invoices, so that an invoice's customer exists in QuickBooks when it is pushed. */
    public QboResyncPlanner(List<QboReconciler> reconcilers, QboSyncPolicy policy) {
        this.reconcilers = reconcilers.stream()
                .sorted(Comparator.comparing((QboReconciler reconciler) -> reconciler.entity().ordinal()))
                .toList();
        this.policy = policy;
    }

    /** @throws BusinessRuleViolation 409 {@code qbo.not_connected} while the organization cannot sync */
    public QboResyncPlan plan(UUID orgId) {
        return QboResyncPlan.of(steps(orgId).stream().map(Step::change).toList());
    }

    /** The planned changes, each with the reconciler that planned it and will carry it out. */
    public List<Step> steps(UUID orgId) {
        policy.requireConnected(orgId);
        List<Step> steps = new ArrayList<>();
        for (QboReconciler reconciler : reconcilers) {
            reconciler.plan(orgId).forEach(change -> steps.add(new Step(reconciler, change)));
        }
        return steps;
    }

    /** One change and who carries it out. */
    public record Step(QboReconciler reconciler, QboPlannedChange change) {

        public void carryOut(UUID orgId) {
            reconciler.carryOut(orgId, change);
        }
    }
}
