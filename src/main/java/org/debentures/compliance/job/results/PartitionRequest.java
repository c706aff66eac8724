package org.debentures.compliance.job.results;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One partition of the results step as a message between a manager and a worker (issue 21): JSON, never Java
 * serialization, so that a manager and a worker of different builds fail with a clear message rather than a
 * deserialization stack trace. A flat object of strings and whole numbers:
 * {@code {"protocol":"debenture-compliance.partition/1","build":"0.1.0-SNAPSHOT 2026-12-01T22:00:00Z",
 * "stepExecutionId":345,"stepName":"computeResultsWorker"}} (the partition's step execution in the shared job
 * repository, which knows its run).
 */
public record PartitionRequest(String protocol, String build, long stepExecutionId, String stepName) {

    /** The message format this build writes and reads. */
    public static final String PROTOCOL = "debenture-compliance.partition/1";

    /** This build: the project version and the build time (build.properties, filtered by Maven). */
    public static final String BUILD = buildIdentity();

    private static final Pattern FIELD = Pattern.compile("\"([A-Za-z]+)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|-?\\d+)");

    public static PartitionRequest of(long stepExecutionId, String stepName) {
        return new PartitionRequest(PROTOCOL, BUILD, stepExecutionId, stepName);
    }

    public String toJson() {
        return "{\"protocol\":" + quote(protocol) + ",\"build\":" + quote(build)
                + ",\"stepExecutionId\":" + stepExecutionId + ",\"stepName\":" + quote(stepName) + "}";
    }

    /**
     * Reads a request; a message that is not one (another format, a missing field) is refused with a message that
     * says what it is and what it lacks.
     */
    public static PartitionRequest parse(String json) {
        String text = json == null ? "" : json.strip();
        if (!text.startsWith("{") || !text.endsWith("}")) {
            throw new IllegalArgumentException("not a partition request (a JSON object expected): " + shown(text));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(text);
        while (m.find()) {
            fields.put(m.group(1), m.group(3) != null ? m.group(3).replace("\\\"", "\"").replace("\\\\", "\\") : m.group(2));
        }
        for (String required : new String[] {"protocol", "stepExecutionId", "stepName"}) {
            if (!fields.containsKey(required)) {
                throw new IllegalArgumentException("partition request without " + required + ": " + shown(text));
            }
        }
        return new PartitionRequest(fields.get("protocol"), fields.getOrDefault("build", "unknown"),
                Long.parseLong(fields.get("stepExecutionId")), fields.get("stepName"));
    }

    /** Why this worker (this build) cannot run the request; {@code null} when it can. */
    public String incompatibility() {
        if (!PROTOCOL.equals(protocol)) {
            return "the manager sent protocol '" + protocol + "'; this worker reads '" + PROTOCOL + "'";
        }
        if (!BUILD.equals(build)) {
            return "the manager is build '" + build + "', this worker build '" + BUILD
                    + "': run the manager and its workers from the same jar";
        }
        return null;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String shown(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private static String buildIdentity() {
        Properties p = new Properties();
        try (InputStream in = PartitionRequest.class.getResourceAsStream("/debenture-compliance-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no build identity: "unknown" below
        }
        return p.getProperty("version", "unknown") + " " + p.getProperty("built", "unknown");
    }
}
