package org.debentures.compliance.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.debentures.compliance.store.report.RunSummaryQueries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 23: after a run, {@code compliance.metrics.textfile-dir} holds {@code debenture_compliance.prom} in the
 * Prometheus text format, with Spring Batch's job, step and chunk observations and the run's own figures, which are
 * the very numbers of the printed summary; the same text is pushed to a Pushgateway-compatible URL (a local HTTP
 * server here, recording what it receives).
 */
@SpringBootTest(classes = ComplianceApplication.class, properties = "compliance.command-line.enabled=false")
class RunMetricsTests {

    private static final Path WORK = Path.of("target/test-metrics/" + System.nanoTime()).toAbsolutePath();
    private static final List<String> PUSHED = new CopyOnWriteArrayList<>();
    private static final HttpServer GATEWAY = gateway();

    private static HttpServer gateway() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                PUSHED.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n"
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop(0);
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + WORK.resolve("db"));
        registry.add("compliance.metrics.textfile-dir", () -> WORK.resolve("textfile").toString());
        registry.add("compliance.metrics.pushgateway-url", () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort());
    }

    @Autowired
    ComplianceRunService runs;

    @Test
    void aRunWritesItsMetricsWithTheSummarysNumbers() throws IOException {
        ComplianceRunService.Outcome outcome = runs.run(new RunOptions(Path.of("data"), Optional.empty(),
                Optional.of(LocalDate.parse("2003-12-31")), Optional.empty(), LocalDate.parse("2026-11-21")));
        assertEquals(ExitCodes.OK, outcome.exitCode(), outcome.text());
        String prom = Files.readString(WORK.resolve("textfile").resolve(RunMetrics.FILE), StandardCharsets.UTF_8);

        assertEquals(0.0, value(prom, "debenture_compliance_run_exit_code", ""));
        assertEquals(1.0, value(prom, "debenture_compliance_run_completed", ""));
        assertTrue(value(prom, "debenture_compliance_run_duration_seconds", "") > 0);
        // the summary's own figures: each input's counts, each table's rows, exceptions by severity
        for (RunSummaryQueries.FeedCounts feed : outcome.figures().feeds()) {
            assertEquals((double) feed.read(), value(prom, "debenture_compliance_input_rows",
                    "input=\"" + feed.feed() + "\",outcome=\"read\""), feed.feed());
            assertEquals((double) feed.rejected(), value(prom, "debenture_compliance_input_rows",
                    "input=\"" + feed.feed() + "\",outcome=\"rejected\""), feed.feed());
            assertTrue(outcome.text().contains(String.format("%-12s %6d %8d", feed.feed(), feed.files(), feed.read())),
                    "the summary prints the same count");
        }
        long marketPrices = outcome.figures().written().get("market_price");
        assertTrue(marketPrices > 400, "market_price rows: " + marketPrices);
        assertEquals((double) marketPrices, value(prom, "debenture_compliance_rows_written", "table=\"market_price\""));
        assertTrue(outcome.text().contains("market_price=" + marketPrices));
        long critical = outcome.figures().exceptions().stream().filter(e -> e.severity().equals("CRITICAL"))
                .mapToLong(RunSummaryQueries.ExceptionCounts::open).sum();
        assertEquals((double) critical, value(prom, "debenture_compliance_exceptions_open", "severity=\"CRITICAL\""));
        long eods = outcome.figures().exceptions().stream().filter(e -> e.code().equals("EVENT_OF_DEFAULT"))
                .mapToLong(RunSummaryQueries.ExceptionCounts::open).sum();
        assertEquals((double) eods, value(prom, "debenture_compliance_events_of_default_open", ""));
        // Spring Batch's own observations of the job and its steps
        assertTrue(prom.contains("spring_batch_job_seconds_count{"), prom.substring(0, Math.min(prom.length(), 3000)));
        assertTrue(prom.contains("spring_batch_step_seconds_count{"), "step observations");
        assertTrue(prom.contains("spring_batch_job_name=\"complianceJob\""), "the job named");
        // the same text went to the Pushgateway
        assertEquals(1, PUSHED.size(), PUSHED.toString());
        assertTrue(PUSHED.get(0).startsWith("PUT /metrics/job/debenture_compliance\n"), PUSHED.get(0));
        assertTrue(PUSHED.get(0).contains("debenture_compliance_rows_written{table=\"market_price\"} " + marketPrices),
                PUSHED.get(0));
    }

    private static double value(String prom, String name, String labels) {
        Pattern line = Pattern.compile("(?m)^" + Pattern.quote(name) + (labels.isEmpty() ? "" : "\\{" + Pattern.quote(labels)
                + "\\}") + " (\\S+)$");
        Matcher m = line.matcher(prom);
        assertTrue(m.find(), name + "{" + labels + "} in:\n" + prom.lines().filter(l -> l.startsWith(name)).toList());
        return Double.parseDouble(m.group(1));
    }
}
