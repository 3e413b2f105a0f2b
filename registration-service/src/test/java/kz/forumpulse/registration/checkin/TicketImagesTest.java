package kz.forumpulse.registration.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Every ticket a participant can get reads back as what it encodes. */
class TicketImagesTest {

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  static String decode(byte[] png) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    return new QRCodeReader()
        .decode(
            new BinaryBitmap(
                new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
            Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
        .getText();
  }

  @Test
  void pngTicketsOfManyTokensDecodeToTheirContent() throws Exception {
    Random random = new Random(20261126);
    for (int i = 0; i < 300; i++) {
      char[] token = new char[20];
      for (int c = 0; c < token.length; c++) {
        token[c] = ALPHABET[random.nextInt(ALPHABET.length)];
      }
      String t = new String(token);
      assertThat(decode(TicketImages.png(t))).as(t).isEqualTo(TicketImages.content(t));
      assertThat(TicketImages.tokenOf(decode(TicketImages.png(t)))).isEqualTo(t);
    }
  }
}
