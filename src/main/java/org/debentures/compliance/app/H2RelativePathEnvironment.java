package org.debentures.compliance.app;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets {@code --spring.datasource.url=jdbc:h2:file:some/path} work as given: H2 2.x refuses a file
 * path that is implicitly relative to the working directory, so such a URL is rewritten to
 * {@code jdbc:h2:file:./some/path} (the same file). Absolute, {@code ./}, {@code ~/} and
 * non-file URLs are left alone. A MySQL URL gets {@code allowLoadLocalInfileInPath} (bulk loads from the job's own folder only).
 */
public class H2RelativePathEnvironment implements EnvironmentPostProcessor {

    /** What follows {@code jdbc:h2:} in a URL that does not name a file of this machine (in memory, a server, ...). */
    static final String NOT_A_FILE = "mem:|tcp:|ssl:|zip:|nio";

    private static final Pattern IMPLICITLY_RELATIVE = Pattern.compile("^(jdbc:h2:(?:file:)?+)(?![./~\\\\]|[A-Za-z]:|" + NOT_A_FILE + ")(.+)$");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url");
        String fixed = normalize(url);
        if (fixed != null && !fixed.equals(url)) {
            environment.getPropertySources().addFirst(
                    new MapPropertySource("h2RelativePath", Map.of("spring.datasource.url", fixed)));
        }
    }

    /**
     * The URL with an implicitly relative H2 file path made explicitly relative; a MySQL URL with
     * {@code allowLoadLocalInfileInPath} set to the process's private {@link
     * org.debentures.compliance.store.BulkLoadDirectory} (the job bulk-loads large row sets with {@code LOAD DATA LOCAL
     * INFILE} from files it writes there, and the driver reads no other file: issue 23); other URLs unchanged.
     */
    static String normalize(String url) {
        if (url == null) {
            return null;
        }
        if (url.startsWith("jdbc:mysql:") && !url.toLowerCase(java.util.Locale.ROOT).contains("allowloadlocalinfile")) {
            return url + (url.contains("?") ? "&" : "?") + "allowLoadLocalInfileInPath="
                    + org.debentures.compliance.store.BulkLoadDirectory.path();
        }
        Matcher m = IMPLICITLY_RELATIVE.matcher(url);
        return m.matches() ? m.group(1) + "./" + m.group(2) : url;
    }
}
