package io.ledgerline.domain.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * How an invoice counts money: each line is rounded half-up to the currency's minor units, the subtotal is the sum
 * of the rounded lines, and the tax is worked out once on the subtotal and rounded the same way. Totals therefore
 * always add up to what the lines show.
 */
public final class InvoiceMoney {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private InvoiceMoney() {
    }

    /** Digits after the decimal point: 2 for EUR, 0 for JPY, 3 for KWD (2 for the rare codes without any). */
    public static int minorUnits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? 2 : digits;
    }

    public static BigDecimal lineAmount(BigDecimal quantity, BigDecimal unitPrice, Currency currency) {
        return quantity.multiply(unitPrice).setScale(minorUnits(currency), RoundingMode.HALF_UP);
    }

    /** @param ratePercent for example 19 or 8.875 */
    public static BigDecimal tax(BigDecimal subtotal, BigDecimal ratePercent, Currency currency) {
        return subtotal.multiply(ratePercent).divide(HUNDRED).setScale(minorUnits(currency), RoundingMode.HALF_UP);
    }

    public static BigDecimal zero(Currency currency) {
        return BigDecimal.ZERO.setScale(minorUnits(currency));
    }

    /** Whether the amount can be paid in the currency: no finer than its minor units. */
    public static boolean fitsMinorUnits(BigDecimal amount, Currency currency) {
        return amount.stripTrailingZeros().scale() <= minorUnits(currency);
    }
}
