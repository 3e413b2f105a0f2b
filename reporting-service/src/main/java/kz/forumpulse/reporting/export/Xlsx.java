package kz.forumpulse.reporting.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX with one sheet per table. Numbers stay numbers; text cells are written as text, never as
 * formulas, and get the same apostrophe guard as CSV so a later CSV export from the sheet stays
 * safe.
 */
public final class Xlsx {

  private Xlsx() {}

  public static byte[] write(List<Table> tables) {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (Table table : tables) {
        Sheet sheet = workbook.createSheet(table.name());
        Row header = sheet.createRow(0);
        for (int c = 0; c < table.headers().size(); c++) {
          header.createCell(c).setCellValue(table.headers().get(c));
        }
        int r = 1;
        for (List<Object> values : table.rows()) {
          Row row = sheet.createRow(r++);
          for (int c = 0; c < values.size(); c++) {
            set(row.createCell(c), values.get(c));
          }
        }
      }
      workbook.write(out);
      workbook.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void set(Cell cell, Object value) {
    if (value == null) {
      cell.setBlank();
    } else if (value instanceof Number number) {
      cell.setCellValue(number.doubleValue());
    } else {
      cell.setCellValue(Csv.defuse(String.valueOf(value)));
    }
  }
}
