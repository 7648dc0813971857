package io.ledgerline.domain.qbo;

/** The QuickBooks record a Ledgerline record is linked to. */
public record QboLinkRef(String realmId, String qboId) {
}
