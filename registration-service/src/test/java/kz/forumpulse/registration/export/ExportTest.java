package kz.forumpulse.registration.export;

import static kz.forumpulse.registration.TestApi.organiser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import kz.forumpulse.registration.RegistrationIntegrationTest;
import kz.forumpulse.registration.TestApi;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@RegistrationIntegrationTest
class ExportTest {

  @Autowired MockMvc mvc;

  @Test
  void exportsFilteredRegistrationsAsCsvAndXlsxWithFormulasDefused() throws Exception {
    String forumId = TestApi.createForum(mvc, null);
    TestApi.register(
        mvc,
        forumId,
        TestApi.registrationJson(
            "=HYPERLINK(\\\"http://x\\\")",
            TestApi.newPhone(),
            "\"organisation\":\"Акимат, отдел\""));
    TestApi.register(
        mvc,
        forumId,
        TestApi.registrationJson("Бурлинский гость", TestApi.newPhone(), null)
            .replace("TEREKTI", "BURLIN"));

    String csv =
        new String(
            mvc.perform(
                    get("/api/forums/{f}/exports/registrations.csv?district=TEREKTI", forumId)
                        .with(organiser()))
                .andExpect(status().isOk())
                .andExpect(
                    header()
                        .string(
                            "Content-Disposition",
                            org.hamcrest.Matchers.containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray(),
            StandardCharsets.UTF_8);
    String[] lines = csv.split("\r\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("\uFEFFid,status");
    assertThat(lines[1])
        .contains("\"'=HYPERLINK(\"\"http://x\"\")\"")
        .contains("\"Акимат, отдел\"");

    byte[] xlsx =
        mvc.perform(get("/api/forums/{f}/exports/registrations.xlsx", forumId).with(organiser()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(2);
      assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("fullName");
      assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).startsWith("'=HYPERLINK");
    }
    mvc.perform(get("/api/forums/{f}/exports/registrations.csv", forumId))
        .andExpect(status().isUnauthorized());
  }
}
