package org.debentures.compliance.batch.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** SQL of {@code deal_watermark}: the last day each deal has been processed through (Fineract's last closed business date). */
public final class Watermarks {

    private final JdbcTemplate jdbc;

    public Watermarks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LocalDate> processedThrough(String dealId) {
        List<LocalDate> mark = jdbc.query("SELECT processed_through FROM deal_watermark WHERE deal_id = ?",
                (rs, i) -> rs.getDate(1).toLocalDate(), dealId);
        return mark.stream().findFirst();
    }

    public void set(String dealId, LocalDate processedThrough, long runId) {
        jdbc.update("DELETE FROM deal_watermark WHERE deal_id = ?", dealId);
        jdbc.update("INSERT INTO deal_watermark (deal_id, processed_through, run_id) VALUES (?,?,?)",
                dealId, Date.valueOf(processedThrough), runId);
    }
}
