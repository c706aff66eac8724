package org.debentures.compliance.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.debentures.compliance.store.report.RunSummaryQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics of a run (issue 23), where a batch job's metrics go: a Prometheus text file for the node exporter's
 * textfile collector ({@code compliance.metrics.textfile-dir}, the file {@value #FILE}, replaced atomically at the end
 * of each run), and, when {@code compliance.metrics.pushgateway-url} is set, the same text pushed to that
 * Pushgateway-compatible URL ({@code PUT URL/metrics/job/debenture_compliance}).
 * <ul>
 *   <li>Spring Batch's own observations of the job, its steps and chunks ({@code spring_batch_*}), recorded through
 *       {@link #observations()} (set on every job and step by {@link ObservationWiring});</li>
 *   <li>the run's figures, from the very {@link org.debentures.compliance.report.RunSummary.Figures} the printed
 *       summary is made of: rows read, accepted, duplicate and rejected per input, rows written per table,
 *       exceptions open by severity, Events of Default open, the run's duration, exit code and outcome.</li>
 * </ul>
 */
public final class RunMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(RunMetrics.class);

    public static final String FILE = "debenture_compliance.prom";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ObservationRegistry observations = ObservationRegistry.create();
    private final Path textfileDir;
    private final String pushgateway;

    public RunMetrics(String textfileDir, String pushgateway) {
        this.textfileDir = textfileDir == null || textfileDir.isBlank() ? null : Path.of(textfileDir);
        this.pushgateway = pushgateway == null || pushgateway.isBlank() ? null : pushgateway.replaceAll("/+$", "");
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(registry));
    }

    /** The observation registry Spring Batch records its job, step and chunk observations in. */
    public ObservationRegistry observations() {
        return observations;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Records the run's figures and writes them out (the text file, the push); never fails the run. */
    public void write(ComplianceRunService.Outcome outcome, Duration took) {
        if (textfileDir == null && pushgateway == null) {
            return;
        }
        try {
            record(outcome, took);
            String text = registry.scrape();
            if (textfileDir != null) {
                Files.createDirectories(textfileDir);
                Path tmp = Files.createTempFile(textfileDir, ".debenture_compliance-", ".prom.tmp");
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                // the collector reads whole files only: a rename, never a half-written file
                Files.move(tmp, textfileDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                LOG.info("metrics written to {}", textfileDir.resolve(FILE));
            }
            if (pushgateway != null) {
                push(text);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("metrics not written: {}", e.getMessage());
        }
    }

    private void record(ComplianceRunService.Outcome outcome, Duration took) {
        gauge("debenture.compliance.run.exit.code", "The run's exit code (README: 0 completed, 5 stopped, ...)",
                Map.of(), outcome.exitCode());
        gauge("debenture.compliance.run.completed", "1 when the run completed, else 0", Map.of(),
                outcome.exitCode() == ExitCodes.OK ? 1 : 0);
        gauge("debenture.compliance.run.duration.seconds", "Wall time of the run", Map.of(), took.toMillis() / 1000.0);
        gauge("debenture.compliance.run.end.timestamp.seconds", "When the run ended (Unix time)", Map.of(),
                System.currentTimeMillis() / 1000.0);
        if (outcome.runId() != null) {
            gauge("debenture.compliance.run.id", "The run's id (Spring Batch job execution id)", Map.of(),
                    outcome.runId());
        }
        var figures = outcome.figures();
        if (figures == null) {
            return;
        }
        for (RunSummaryQueries.FeedCounts feed : figures.feeds()) {
            Map<String, Long> counts = Map.of("read", feed.read(), "accepted", feed.accepted(), "duplicate",
                    feed.duplicate(), "rejected", feed.rejected());
            counts.forEach((what, n) -> gauge("debenture.compliance.input.rows", "Input rows of the run by outcome",
                    Map.of("input", feed.feed(), "outcome", what), n));
            gauge("debenture.compliance.input.files", "Input files of the run", Map.of("input", feed.feed()),
                    feed.files());
        }
        figures.written().forEach((table, n) -> gauge("debenture.compliance.rows.written",
                "Rows of each output table in the run's range", Map.of("table", table), n));
        Map<String, Long> open = new TreeMap<>();
        long eods = 0;
        for (RunSummaryQueries.ExceptionCounts e : figures.exceptions()) {
            open.merge(e.severity(), e.open(), Long::sum);
            if ("EVENT_OF_DEFAULT".equals(e.code())) {
                eods += e.open();
            }
        }
        for (String severity : new String[] {"CRITICAL", "HIGH", "WARNING", "INFO"}) {
            open.putIfAbsent(severity, 0L);
        }
        open.forEach((severity, n) -> gauge("debenture.compliance.exceptions.open",
                "Exceptions open in the run's range (runs of days), by severity", Map.of("severity", severity), n));
        gauge("debenture.compliance.events.of.default.open", "Events of Default open in the run's range", Map.of(),
                eods);
    }

    private void gauge(String name, String help, Map<String, String> tags, Number value) {
        double v = value.doubleValue();
        Gauge.Builder<java.util.function.Supplier<Number>> builder = Gauge.builder(name, () -> (Number) v)
                .description(help);
        tags.forEach(builder::tag);
        registry.remove(builder.register(registry));
        builder.register(registry);
    }

    private void push(String text) throws IOException {
        URI uri = URI.create(pushgateway + "/metrics/job/debenture_compliance");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                LOG.warn("metrics push to {}: HTTP {} {}", uri, response.statusCode(), response.body());
            } else {
                LOG.info("metrics pushed to {}", uri);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Puts {@link #observations()} on every Spring Batch job and step bean, so that they record their observations. */
    public static final class ObservationWiring implements org.springframework.beans.factory.config.BeanPostProcessor {
        private final org.springframework.beans.factory.ObjectProvider<RunMetrics> metrics;

        public ObservationWiring(org.springframework.beans.factory.ObjectProvider<RunMetrics> metrics) {
            this.metrics = metrics;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof org.springframework.batch.core.job.AbstractJob job) {
                job.setObservationRegistry(metrics.getObject().observations());
            } else if (bean instanceof org.springframework.batch.core.step.AbstractStep step) {
                step.setObservationRegistry(metrics.getObject().observations());
            }
            return bean;
        }
    }
}
