package io.ledgerline.app.integration.qbo;

import io.ledgerline.domain.qbo.QboEntity;
import java.util.UUID;

/**
 * One thing a force resync found out of step, and what it will do about it.
 *
 * @param localId the Ledgerline record, {@code null} when only QuickBooks has it
 * @param qboId   the QuickBooks record, {@code null} when only Ledgerline has it
 * @param label   what a person recognises the record by: a client's name, an invoice number
 * @param reason  why, in a sentence
 */
public record QboPlannedChange(QboEntity entity, UUID localId, String qboId, Action action, String label,
                               String reason) {

    public enum Action {
        /** Create the record in QuickBooks. */
        CREATE,
        /** Update the QuickBooks record from Ledgerline. */
        UPDATE,
        /** Link two records found to be the same; nothing is written. */
        LINK,
        /** Bring QuickBooks' newer version into Ledgerline. */
        PULL,
        /** Both changed since the last sync: the most recent change will win, and the overwrite is logged. */
        CONFLICT
    }
}
