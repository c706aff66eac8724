package org.debentures.compliance.report.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A page of the report site written as it is produced (no page is held in memory): escaping, one date format
 * (ISO, 2007-03-29), amounts with thousands separators and two decimals, and the site's one stylesheet, inlined so
 * that each page stands alone (no network resource, no other file needed).
 */
final class Html implements AutoCloseable {

    static final String STYLE = """
            body { font-family: "Helvetica Neue", Arial, sans-serif; margin: 24px; color: #222; max-width: 1400px; }
            h1 { font-size: 22px; margin-bottom: 4px; }
            h2 { font-size: 18px; border-bottom: 2px solid #444; padding-bottom: 4px; margin-top: 32px; }
            h3 { font-size: 15px; margin-top: 22px; }
            nav { font-size: 13px; margin-bottom: 8px; }
            .meta { color: #555; font-size: 13px; }
            table { border-collapse: collapse; font-size: 12px; margin: 8px 0 16px; }
            th { background: #e8e8e8; text-align: left; position: sticky; top: 0; }
            th, td { border: 1px solid #ccc; padding: 3px 6px; vertical-align: top; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.date { white-space: nowrap; }
            tr.CRITICAL td, tr.EOD td { background: #fbe3e3; }
            tr.HIGH td { background: #fdf0dc; }
            tr.total td { font-weight: bold; background: #f4f4f4; }
            img.chart { display: block; max-width: 100%; border: 1px solid #ddd; margin: 8px 0; }
            .empty { color: #777; font-style: italic; }
            .more { color: #555; font-size: 12px; }
            .actions { border-left: 4px solid #b00; padding-left: 12px; }
            .count { font-size: 20px; font-weight: bold; margin-right: 18px; }
            """;

    private static final ThreadLocal<DecimalFormat> MONEY = ThreadLocal.withInitial(() -> {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    });

    private final Writer out;

    Html(Writer out) {
        this.out = out;
    }

    Html raw(String html) {
        try {
            out.write(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Html text(Object value) {
        return raw(escape(value == null ? "" : value.toString()));
    }

    Html head(String title, String bodyAttributes) {
        return raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").text(title)
                .raw("</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body " + bodyAttributes + ">\n");
    }

    Html h(int level, String title) {
        return raw("<h" + level + ">").text(title).raw("</h" + level + ">\n");
    }

    Html p(String cssClass, String text) {
        return raw("<p class=\"" + cssClass + "\">").text(text).raw("</p>\n");
    }

    Html tableHead(List<String> headings) {
        raw("<table>\n<thead><tr>");
        for (String heading : headings) {
            raw("<th>").text(heading).raw("</th>");
        }
        return raw("</tr></thead>\n<tbody>\n");
    }

    /** A row: each cell formatted by its value's type; {@link Link} cells become links. */
    Html row(String rowClass, List<?> cells) {
        raw(rowClass == null || rowClass.isEmpty() ? "<tr>" : "<tr class=\"" + rowClass + "\">");
        for (Object cell : cells) {
            if (cell instanceof Link link) {
                raw("<td><a href=\"").text(link.href()).raw("\">").text(link.text()).raw("</a></td>");
            } else if (cell instanceof LocalDate date) {
                raw("<td class=\"date\">").text(date(date)).raw("</td>");
            } else if (cell instanceof BigDecimal amount) {
                raw("<td class=\"num\">").text(money(amount)).raw("</td>");
            } else if (cell instanceof Number number) {
                raw("<td class=\"num\">").text(number).raw("</td>");
            } else {
                raw("<td>").text(cell).raw("</td>");
            }
        }
        return raw("</tr>\n");
    }

    Html tableEnd() {
        return raw("</tbody>\n</table>\n");
    }

    Html end(String script) {
        return raw(script).raw("</body>\n</html>\n");
    }

    /** A cell that links to another page of the site. */
    record Link(String text, String href) {
    }

    static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    static String money(BigDecimal amount) {
        return amount == null ? "" : MONEY.get().format(amount);
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
