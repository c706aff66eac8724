package org.debentures.compliance.store.run;

import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;

/** SQL of {@code deal_watermark}: the last day each deal has been processed through (Fineract's last closed business date). */
public final class Watermarks {

    private static final String ALL = """
            SELECT deal_id, processed_through FROM deal_watermark""";
    private static final String DELETE = """
            DELETE FROM deal_watermark WHERE deal_id = ?""";
    private static final String INSERT = """
            INSERT INTO deal_watermark (deal_id, processed_through, run_id) VALUES (?,?,?)""";

    private final JdbcTemplate jdbc;

    public Watermarks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every deal's watermark, by deal id, in one read. */
    public java.util.Map<String, LocalDate> all() {
        java.util.Map<String, LocalDate> marks = new java.util.HashMap<>();
        jdbc.query(ALL, rs -> {
            marks.put(rs.getString(1), rs.getDate(2).toLocalDate());
        });
        return marks;
    }

    /** Moves the watermarks of the given deals to their new days, in one batch each way. */
    public void setAll(java.util.Map<String, LocalDate> processedThrough, long runId) {
        if (processedThrough.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(DELETE,
                processedThrough.keySet().stream().map(id -> new Object[] {id}).toList());
        jdbc.batchUpdate(INSERT,
                processedThrough.entrySet().stream().map(e -> new Object[] {e.getKey(), Date.valueOf(e.getValue()), runId})
                        .toList());
    }
}
