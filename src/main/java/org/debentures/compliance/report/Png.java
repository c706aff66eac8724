package org.debentures.compliance.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A PNG encoder for the report's charts (PNG 1.2: 8-bit truecolour, one IDAT, filter Sub on every row, deflate at
 * its quickest level), written with the JDK's {@link Deflater} and {@link CRC32}.
 *
 * <p>Why not {@code ImageIO} (which JFreeChart's {@code ChartUtils.writeChartAsPNG} uses, ignoring its compression
 * argument): for a 1000 x 340 chart it copies the raster row by row, reads it pixel by pixel and tries five filters on
 * every row: about 20-24 ms of processor time a chart here against 6 ms for this writer (measured with thread CPU
 * time on the VWAP chart of a 5-year deal), for files about a third larger (50-70 kB). The bench portfolio's site
 * draws about 1,300 charts (issue 22).
 */
public final class Png {

    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};

    private Png() {
    }

    /** An image of type {@link BufferedImage#TYPE_INT_RGB} or {@code TYPE_INT_ARGB} (alpha dropped) as PNG bytes. */
    public static byte[] encode(BufferedImage image) throws IOException {
        if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_INT_ARGB) {
            throw new IllegalArgumentException("an INT_RGB or INT_ARGB image is needed, not type " + image.getType());
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int stride = image.getRaster().getSampleModel().getWidth();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        DataOutputStream png = new DataOutputStream(out);
        png.write(SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream(13);
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.writeByte(8); // bit depth
        h.writeByte(2); // colour type: truecolour
        h.writeByte(0); // compression: deflate
        h.writeByte(0); // filter method 0
        h.writeByte(0); // no interlace
        chunk(png, "IHDR", header.toByteArray());
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        ByteArrayOutputStream idat = new ByteArrayOutputStream(64 * 1024);
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
            byte[] row = new byte[1 + 3 * width];
            row[0] = 1; // filter type Sub: each byte minus the same channel of the pixel to its left
            for (int y = 0; y < height; y++) {
                int offset = y * stride;
                int left = 0;
                for (int x = 0, i = 1; x < width; x++, i += 3) {
                    int p = pixels[offset + x];
                    row[i] = (byte) ((p >> 16) - (left >> 16));
                    row[i + 1] = (byte) ((p >> 8) - (left >> 8));
                    row[i + 2] = (byte) (p - left);
                    left = p;
                }
                z.write(row);
            }
        } finally {
            deflater.end();
        }
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(DataOutputStream png, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        png.writeInt(data.length);
        png.write(name);
        png.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeInt((int) crc.getValue());
    }
}
