package io.ledgerline.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = "io.ledgerline")
public class LedgerlineApplication {

    public static void main(String[] args) {
        // Axon 4.13 contacts AxonIQ on start-up unless this JVM property is set; a Spring property is too late.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(LedgerlineApplication.class, args);
    }
}
