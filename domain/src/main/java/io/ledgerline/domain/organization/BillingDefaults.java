package io.ledgerline.domain.organization;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * What a new client's billing settings start from when the form leaves them empty.
 *
 * @param paymentTermsDays days between an invoice's date and its due date
 * @param currency         the currency new clients are billed in
 * @param taxRate          the default tax rate in percent (for example 8.875)
 */
public record BillingDefaults(Integer paymentTermsDays, Currency currency, BigDecimal taxRate) {

    public static BillingDefaults standard(Currency currency) {
        return new BillingDefaults(30, currency, BigDecimal.ZERO);
    }
}
