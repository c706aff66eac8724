package org.debentures.compliance.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * The options of one run, read from Spring's environment (command line {@code --name=value},
 * environment variables, properties).
 *
 * @param businessDate the logical business date (Fineract COB): the nightly run processes through the day before it
 */
public record RunOptions(Path dataDir, Optional<LocalDate> from, Optional<LocalDate> to, Optional<Path> exportDir,
                         LocalDate businessDate, int deadlineHorizonDays) {

    /** The upcoming-deadlines horizon when none is given (issue #6: the next 30 days). */
    public static final int DEFAULT_HORIZON_DAYS = 30;

    public RunOptions(Path dataDir, Optional<LocalDate> from, Optional<LocalDate> to, Optional<Path> exportDir,
                      LocalDate businessDate) {
        this(dataDir, from, to, exportDir, businessDate, DEFAULT_HORIZON_DAYS);
    }

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    public static RunOptions from(Environment env, LocalDate today) {
        Path dataDir = Path.of(env.getProperty("data-dir", "data"));
        Optional<Path> exportDir = Optional.ofNullable(env.getProperty("export-dir")).filter(s -> !s.isBlank()).map(Path::of);
        String horizon = env.getProperty("deadline-horizon-days", String.valueOf(DEFAULT_HORIZON_DAYS)).strip();
        if (!horizon.matches("\\d{1,4}")) {
            throw new IllegalArgumentException("--deadline-horizon-days=" + horizon + " is not a number of days");
        }
        return new RunOptions(dataDir, date(env, "from"), date(env, "to"), exportDir,
                date(env, "business-date").orElse(today), Integer.parseInt(horizon));
    }

    private static Optional<LocalDate> date(Environment env, String name) {
        String text = env.getProperty(name);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip(), ISO));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--" + name + "=" + text + " is not a date in the form YYYY-MM-DD");
        }
    }
}
