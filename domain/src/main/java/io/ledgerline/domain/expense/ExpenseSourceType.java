package io.ledgerline.domain.expense;

/** Whether an expense was typed in by someone or imported from another system (a card provider such as Ramp). */
public enum ExpenseSourceType {
    MANUAL,
    EXTERNAL
}
