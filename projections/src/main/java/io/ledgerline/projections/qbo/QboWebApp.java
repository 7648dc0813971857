package io.ledgerline.projections.qbo;

/** Where a person opens a QuickBooks record in QuickBooks' own web app (production or sandbox). */
public interface QboWebApp {

    String customerUrl(String qboCustomerId);
}
