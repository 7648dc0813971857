package io.ledgerline.domain.invoice;

public enum PaymentMethod {
    BANK_TRANSFER,
    CARD,
    CASH,
    CHECK,
    OTHER
}
