package org.debentures.compliance.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 23: a data-source URL is shown without its credentials. */
class RedactionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:mysql://127.0.0.1:3306/c?rewriteBatchedStatements=true | jdbc:mysql://127.0.0.1:3306/c?rewriteBatchedStatements=true",
            "jdbc:mysql://app:S3cret@db:3306/c                          | jdbc:mysql://app:***@db:3306/c",
            "jdbc:mysql://db/c?user=app&password=S3cret&useSSL=true      | jdbc:mysql://db/c?user=app&password=***&useSSL=true",
            "jdbc:mysql://db/c?trustCertificateKeyStorePassword=x       | jdbc:mysql://db/c?trustCertificateKeyStorePassword=***",
            "jdbc:h2:file:./var/compliance-db                           | jdbc:h2:file:./var/compliance-db",
            "jdbc:h2:file:./db;PASSWORD=x;AUTO_SERVER=TRUE              | jdbc:h2:file:./db;PASSWORD=***;AUTO_SERVER=TRUE",
    })
    void removesCredentials(String url, String shown) {
        assertEquals(shown, Redaction.url(url));
    }
}
