package kz.forumpulse.reporting.export;

import java.util.List;
import java.util.Locale;
import kz.forumpulse.support.web.ApiProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Turns report tables into a CSV or XLSX download. */
public final class Download {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private Download() {}

  public static ResponseEntity<byte[]> of(String fileName, String format, List<Table> tables) {
    String f = format == null ? "csv" : format.toLowerCase(Locale.ROOT);
    byte[] body;
    MediaType type;
    switch (f) {
      case "csv" -> {
        body = Csv.write(tables.get(0));
        type = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
      }
      case "xlsx" -> {
        body = Xlsx.write(tables);
        type = XLSX;
      }
      default ->
          throw ApiProblem.forField(HttpStatus.BAD_REQUEST, "format", "unknownFormat", format);
    }
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName + "." + f).build().toString())
        .body(body);
  }
}
