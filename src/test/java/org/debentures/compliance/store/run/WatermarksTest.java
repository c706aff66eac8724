package org.debentures.compliance.store.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.debentures.compliance.store.ReportingDatabases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each deal's "processed through" watermark (the nightly run starts after it), on H2 and MariaDB. */
class WatermarksTest {

    static List<Named<Supplier<JdbcTemplate>>> databases() {
        return ReportingDatabases.both("watermarks");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void watermarksAreSetAndMovedPerDeal(Supplier<JdbcTemplate> database) {
        Watermarks marks = new Watermarks(database.get());
        assertEquals(Map.of(), marks.all());
        marks.setAll(Map.of("DEAL-1", LocalDate.parse("2007-03-28"), "DEAL-2", LocalDate.parse("2006-01-31")), 4);
        marks.setAll(Map.of("DEAL-2", LocalDate.parse("2006-02-01")), 5);
        assertEquals(Map.of("DEAL-1", LocalDate.parse("2007-03-28"), "DEAL-2", LocalDate.parse("2006-02-01")), marks.all());
    }
}
