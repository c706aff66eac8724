package org.debentures.compliance.store;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Rows as the UTF-8 text {@code LOAD DATA} reads: fields separated by tabs, rows ended by newlines,
 * {@code \N} for null, backslash, tab, newline and carriage return escaped with a backslash, decimals
 * in plain notation, dates as {@code yyyy-mm-dd}, booleans as {@code 1}/{@code 0}.
 *
 * <p>Formatted a few kilobytes at a time as the stream is read, straight into bytes, so that the
 * database loads the first rows while the last are being formatted and no copy of all of them is
 * made. A column whose value is the same as the row before's (an instrument's id, its principal
 * day after day) reuses that row's bytes.
 */
final class TsvRows extends InputStream {

    /** Rows are formatted until the buffer holds at least this many bytes. */
    private static final int BATCH_BYTES = 1 << 15;
    private static final byte[] NULL = {'\\', 'N'};

    private final Iterator<Object[]> rows;
    private byte[] buffer = new byte[BATCH_BYTES + 4096];
    private int length;
    private int position;
    /** Per column, the last decimal or text value formatted and where its bytes are kept. */
    private Object[] lastValue = new Object[0];
    private byte[][] lastBytes = new byte[0][];

    TsvRows(List<Object[]> rows) {
        this.rows = rows.iterator();
    }

    /** The text of {@code rows}, all at once (for tests). */
    static String text(List<Object[]> rows) {
        try (TsvRows in = new TsvRows(rows)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // not thrown: the rows are in memory
        }
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int count) {
        if (count == 0) {
            return 0;
        }
        int copied = 0;
        while (copied < count && fill()) {
            int n = Math.min(count - copied, length - position);
            System.arraycopy(buffer, position, target, offset + copied, n);
            position += n;
            copied += n;
        }
        return copied == 0 ? -1 : copied;
    }

    @Override
    public void close() {
        // nothing held open
    }

    /** True when there is something left to read: formats the next rows when the buffer is used up. */
    private boolean fill() {
        if (position < length) {
            return true;
        }
        position = 0;
        length = 0;
        while (length < BATCH_BYTES && rows.hasNext()) {
            Object[] row = rows.next();
            if (row.length > lastValue.length) {
                lastValue = Arrays.copyOf(lastValue, row.length);
                lastBytes = Arrays.copyOf(lastBytes, row.length);
            }
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    put((byte) '\t');
                }
                field(i, row[i]);
            }
            put((byte) '\n');
        }
        return length > 0;
    }

    private void field(int column, Object value) {
        if (value == null) {
            put(NULL);
        } else if (value instanceof LocalDate date) {
            date(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        } else if (value instanceof Integer || value instanceof Long) {
            number(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            put((byte) (b ? '1' : '0'));
        } else if (value instanceof Date date) {
            ascii(date.toString());
        } else if (value.equals(lastValue[column])) {
            put(lastBytes[column]);
        } else {
            int start = length;
            if (value instanceof BigDecimal number) {
                decimal(number);
            } else {
                text(value.toString());
            }
            lastValue[column] = value;
            lastBytes[column] = Arrays.copyOfRange(buffer, start, length);
        }
    }

    private void decimal(BigDecimal number) {
        int scale = number.scale();
        if (scale < 0 || scale > 18 || number.precision() > 18) {
            ascii(number.toPlainString());
            return;
        }
        long unscaled = number.unscaledValue().longValue();
        if (unscaled < 0) {
            put((byte) '-');
            unscaled = -unscaled; // at most 18 digits: no overflow
        }
        ensure(40);
        // digits written backwards: the fraction (zero-padded to the scale), the point, the whole part
        int end = length + 20 + scale;
        int at = end;
        for (int i = 0; i < scale; i++) {
            buffer[--at] = (byte) ('0' + unscaled % 10);
            unscaled /= 10;
        }
        if (scale > 0) {
            buffer[--at] = '.';
        }
        do {
            buffer[--at] = (byte) ('0' + unscaled % 10);
            unscaled /= 10;
        } while (unscaled != 0);
        System.arraycopy(buffer, at, buffer, length, end - at);
        length += end - at;
    }

    private void number(long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                ascii(Long.toString(value));
                return;
            }
            put((byte) '-');
            value = -value;
        }
        ensure(40);
        int end = length + 20;
        int at = end;
        do {
            buffer[--at] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        System.arraycopy(buffer, at, buffer, length, end - at);
        length += end - at;
    }

    private void date(int year, int month, int day) {
        if (year < 1000 || year > 9999) {
            ascii(LocalDate.of(year, month, day).toString());
            return;
        }
        ensure(10);
        buffer[length++] = (byte) ('0' + year / 1000);
        buffer[length++] = (byte) ('0' + year / 100 % 10);
        buffer[length++] = (byte) ('0' + year / 10 % 10);
        buffer[length++] = (byte) ('0' + year % 10);
        buffer[length++] = '-';
        buffer[length++] = (byte) ('0' + month / 10);
        buffer[length++] = (byte) ('0' + month % 10);
        buffer[length++] = '-';
        buffer[length++] = (byte) ('0' + day / 10);
        buffer[length++] = (byte) ('0' + day % 10);
    }

    /** Text that needs no escaping and is ASCII (numbers and dates as the JDK writes them). */
    private void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer[length++] = (byte) text.charAt(i);
        }
    }

    private void text(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) { // not ASCII: the rest as UTF-8, escaped
                put(escaped(text.substring(i)).getBytes(StandardCharsets.UTF_8));
                return;
            }
            switch (c) {
                case '\\' -> put((byte) '\\', (byte) '\\');
                case '\t' -> put((byte) '\\', (byte) 't');
                case '\n' -> put((byte) '\\', (byte) 'n');
                case '\r' -> put((byte) '\\', (byte) 'r');
                default -> put((byte) c);
            }
        }
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private void put(byte b) {
        ensure(1);
        buffer[length++] = b;
    }

    private void put(byte a, byte b) {
        ensure(2);
        buffer[length++] = a;
        buffer[length++] = b;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void ensure(int extra) {
        if (length + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + extra));
        }
    }
}
