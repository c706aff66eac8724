package org.debentures.compliance.app;

import java.util.regex.Pattern;

/**
 * What a log line, the run record or an export may show of a data-source URL (issue 23): the URL without
 * credentials. A password given in the URL (as {@code user:password@host} or as a {@code password=} parameter, or any
 * parameter whose name says secret, token or key) is replaced by {@code ***}; {@code spring.datasource.password} is
 * never printed at all.
 */
public final class Redaction {

    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?]*):[^/@?]*@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&;](?:password|pwd|passwd|secret|token|[a-z]*key|trustCertificateKeyStorePassword|"
                    + "clientCertificateKeyStorePassword)=)[^&;]*");

    private Redaction() {
    }

    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String redacted = USER_INFO.matcher(url).replaceAll("$1:***@");
        return SECRET_PARAMETER.matcher(redacted).replaceAll("$1***");
    }
}
