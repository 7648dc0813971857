package io.ledgerline.app.integration.qbo;

import io.ledgerline.domain.qbo.QboEntity;
import java.util.List;
import java.util.UUID;

/**
 * Compares one kind of record on both sides for a force resync. Planning re-fetches everything from QuickBooks but
 * never calls a write endpoint, so a dry run is safe; carrying out a change is idempotent, and once every planned
 * change is carried out, planning again finds nothing.
 */
public interface QboReconciler {

    QboEntity entity();

    List<QboPlannedChange> plan(UUID orgId);

    void carryOut(UUID orgId, QboPlannedChange change);
}
