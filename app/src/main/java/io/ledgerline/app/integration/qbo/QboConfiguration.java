package io.ledgerline.app.integration.qbo;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The QuickBooks Online integration's wiring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QboProperties.class)
class QboConfiguration {
}
