package org.debentures.compliance.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Issue 22: the charts' PNG writer. What it writes, the JDK's own PNG reader reads back pixel for pixel. */
class PngTest {

    @Test
    void randomImagesOfAnySizeDecodeToTheSamePixels() throws Exception {
        Random random = new Random(22);
        for (int round = 0; round < 40; round++) {
            int width = 1 + random.nextInt(300);
            int height = 1 + random.nextInt(120);
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    // runs of one colour (as in a chart) and noise (antialiased edges)
                    image.setRGB(x, y, random.nextInt(4) == 0 ? random.nextInt(1 << 24) : (x / 7) * 0x010203);
                }
            }
            assertSamePixels(image, decode(Png.encode(image)), "round " + round + " (" + width + " x " + height + ")");
        }
    }

    @Test
    void anArgbImageIsWrittenWithoutItsAlpha() throws Exception {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x80FF0000); // half-transparent red: its colour channels are kept as they are stored
        image.setRGB(2, 1, 0xFF00FF00);
        BufferedImage read = decode(Png.encode(image));
        assertEquals(0xFFFF0000, read.getRGB(0, 0) | 0xFF000000);
        assertEquals(0xFF00FF00, read.getRGB(2, 1));
        assertEquals(0xFF000000, read.getRGB(1, 0), "a fully transparent pixel of no colour reads as black");
    }

    @Test
    void otherImageTypesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Png.encode(new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY)));
    }

    private static BufferedImage decode(byte[] png) throws Exception {
        assertArrayEquals(new byte[] {(byte) 137, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual, String what) {
        assertEquals(expected.getWidth(), actual.getWidth(), what);
        assertEquals(expected.getHeight(), actual.getHeight(), what);
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                if ((expected.getRGB(x, y) & 0xFFFFFF) != (actual.getRGB(x, y) & 0xFFFFFF)) {
                    assertEquals(Integer.toHexString(expected.getRGB(x, y) & 0xFFFFFF),
                            Integer.toHexString(actual.getRGB(x, y) & 0xFFFFFF), what + " at " + x + "," + y);
                }
            }
        }
    }
}
