package io.ledgerline.app.integration.qbo;

import io.ledgerline.domain.client.BillingDefaultsSource;
import io.ledgerline.domain.client.BillingSettings;
import io.ledgerline.domain.client.Client;
import io.ledgerline.domain.client.ClientDirectory;
import io.ledgerline.domain.client.ContactDetails;
import io.ledgerline.domain.client.CreateClient;
import io.ledgerline.domain.qbo.ImportQboCustomer;
import io.ledgerline.domain.qbo.QboCustomer;
import io.ledgerline.domain.qbo.QboCustomerSync;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.springframework.stereotype.Component;

/**
 * Handles {@link ImportQboCustomer}: the new client and its link are created in one unit of work, so in one
 * transaction — when the link is refused (the customer was linked meanwhile), the client is not stored either.
 */
@Component
class QboCustomerImporter {

    private final Configuration axon;
    private final ClientDirectory directory;
    private final BillingDefaultsSource defaults;

    QboCustomerImporter(Configuration axon, ClientDirectory directory, BillingDefaultsSource defaults) {
        this.axon = axon;
        this.directory = directory;
        this.defaults = defaults;
    }

    /** The client an import of this customer creates: the same on every retry. */
    static UUID clientIdFor(UUID orgId, String realmId, String qboCustomerId) {
        return UUID.nameUUIDFromBytes(("qbo-import:" + orgId + ":" + realmId + ":" + qboCustomerId)
                .getBytes(StandardCharsets.UTF_8));
    }

    @CommandHandler
    void handle(ImportQboCustomer command) throws Exception {
        QboCustomer customer = command.customer();
        CreateClient create = new CreateClient(command.orgId(), command.clientId(), customer.displayName(),
                "QBO-" + customer.id(),
                new ContactDetails(customer.email(), customer.phone(), customer.website(), customer.billAddr()),
                List.of(), new BillingSettings(customer.contactName(), customer.email(), customer.billAddr(),
                        customer.currency(), null, null, null));
        axon.repository(Client.class).newInstance(() -> new Client(create, directory, defaults));
        axon.repository(QboCustomerSync.class).newInstance(() -> QboCustomerSync.imported(command, 0));
    }
}
