package kz.forumpulse.registration.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import kz.forumpulse.registration.participant.RegistrationFilter;
import kz.forumpulse.registration.participant.RegistrationSearch;
import kz.forumpulse.registration.participant.RegistrationView;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;

/** A forum's registrations as CSV (UTF-8 with BOM, so Excel reads Cyrillic) or XLSX. */
@Service
class RegistrationExport {

  /** The columns, in order: header and how to read it from a registration. */
  private record Column(String header, Function<RegistrationView, String> value) {}

  private static final List<Column> COLUMNS =
      List.of(
          new Column("id", RegistrationView::id),
          new Column("status", RegistrationView::status),
          new Column("waitlistPosition", v -> text(v.waitlistPosition())),
          new Column("fullName", RegistrationView::fullName),
          new Column("role", RegistrationView::role),
          new Column("district", RegistrationView::district),
          new Column("ruralDistrict", RegistrationView::ruralDistrict),
          new Column("organisation", RegistrationView::organisation),
          new Column("position", RegistrationView::position),
          new Column("elected", v -> String.valueOf(v.elected())),
          new Column("partyMember", v -> String.valueOf(v.partyMember())),
          new Column("phone", RegistrationView::phone),
          new Column("email", RegistrationView::email),
          new Column("language", RegistrationView::language),
          new Column("sessions", v -> String.join(" ", v.sessions())),
          new Column("registeredAt", v -> text(v.registeredAt())),
          new Column("checkedInAt", v -> text(v.checkedInAt())),
          new Column("erased", v -> String.valueOf(v.erased())));

  private final RegistrationSearch search;

  RegistrationExport(RegistrationSearch search) {
    this.search = search;
  }

  byte[] csv(String forumId, RegistrationFilter filter) {
    StringBuilder out = new StringBuilder("\uFEFF");
    out.append(String.join(",", COLUMNS.stream().map(Column::header).toList())).append("\r\n");
    for (RegistrationView row : search.all(forumId, filter)) {
      out.append(
              String.join(",", COLUMNS.stream().map(c -> Cells.csv(c.value().apply(row))).toList()))
          .append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  byte[] xlsx(String forumId, RegistrationFilter filter) {
    // Streaming workbook: keeps 100 rows in memory however long the list is.
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
      Sheet sheet = workbook.createSheet("registrations");
      Row header = sheet.createRow(0);
      for (int c = 0; c < COLUMNS.size(); c++) {
        header.createCell(c).setCellValue(COLUMNS.get(c).header());
      }
      int r = 1;
      for (RegistrationView view : search.all(forumId, filter)) {
        Row row = sheet.createRow(r++);
        for (int c = 0; c < COLUMNS.size(); c++) {
          // String cells are never evaluated, but files get re-saved as CSV: defuse anyway.
          row.createCell(c).setCellValue(Cells.defuse(COLUMNS.get(c).value().apply(view)));
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      workbook.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Object value) {
    return value == null
        ? ""
        : value instanceof Instant instant ? instant.toString() : value.toString();
  }
}
