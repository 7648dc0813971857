package io.ledgerline.app.integration.qbo;

import io.ledgerline.projections.qbo.QboWebApp;
import org.springframework.stereotype.Component;

/** "View in QuickBooks" links into the web app of the configured environment (production or sandbox). */
@Component
class QboCustomerWebLinks implements QboWebApp {

    private final QboProperties properties;

    QboCustomerWebLinks(QboProperties properties) {
        this.properties = properties;
    }

    @Override
    public String customerUrl(String qboCustomerId) {
        return properties.webAppBase() + "/customerdetail?nameId=" + qboCustomerId;
    }
}
