package kz.forumpulse.registration.checkin;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Ticket QR codes. The code holds {@code FP-TICKET:<token>}: a random token that means something
 * only to this service's check-in, nothing personal, and not the access code (whoever sees a ticket
 * must not be able to edit or cancel the registration).
 */
final class TicketImages {

  static final String PREFIX = "FP-TICKET:";
  private static final int MODULE_PIXELS = 8;

  private TicketImages() {}

  static String content(String token) {
    return PREFIX + token;
  }

  /** The token from what a scanner read (the full QR text) or what was typed (the token). */
  static String tokenOf(String scanned) {
    String text = scanned.strip();
    return text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
  }

  static byte[] png(String token) {
    BitMatrix matrix = matrix(token);
    int size = matrix.getWidth() * MODULE_PIXELS;
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        boolean dark = matrix.get(x / MODULE_PIXELS, y / MODULE_PIXELS);
        image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** One path of unit squares: small, crisp at any zoom, printable. */
  static String svg(String token) {
    BitMatrix matrix = matrix(token);
    int n = matrix.getWidth();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        if (matrix.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" \
        shape-rendering="crispEdges"><rect width="100%%" height="100%%" fill="#fff"/>\
        <path fill="#000" d="%s"/></svg>
        """
        .formatted(n, n, n * MODULE_PIXELS, n * MODULE_PIXELS, path);
  }

  private static BitMatrix matrix(String token) {
    try {
      return new QRCodeWriter()
          .encode(
              content(token),
              BarcodeFormat.QR_CODE,
              0,
              0,
              Map.of(
                  EncodeHintType.ERROR_CORRECTION,
                  ErrorCorrectionLevel.M,
                  EncodeHintType.MARGIN,
                  4));
    } catch (WriterException e) {
      throw new IllegalStateException("a short token always fits a QR code", e);
    }
  }
}
