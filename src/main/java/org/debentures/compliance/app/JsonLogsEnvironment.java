package org.debentures.compliance.app;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code --json-logs} (or {@code JSON_LOGS=true}): one JSON object per log line (Elastic Common
 * Schema, Spring Boot's structured logging), for log shippers; the run summary stays plain text.
 */
public class JsonLogsEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String flag = environment.getProperty("json-logs");
        if (flag != null && (flag.isEmpty() || Boolean.parseBoolean(flag))) {
            environment.getPropertySources().addFirst(new MapPropertySource("jsonLogs",
                    Map.of("logging.structured.format.console", "ecs")));
        }
    }
}
