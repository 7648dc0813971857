package io.ledgerline.domain.project;

public enum BillingMethod {
    HOURLY,
    FIXED_FEE,
    NON_BILLABLE
}
