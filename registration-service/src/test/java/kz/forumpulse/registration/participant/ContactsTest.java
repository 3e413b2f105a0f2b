package kz.forumpulse.registration.participant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+77011234567",
        "87011234567",
        "8 (701) 123-45-67",
        "+7 701 123 45 67",
        "7011234567",
        " 8.701.123.45.67 "
      })
  void kazakhstanMobileNumbersNormaliseToOneForm(String raw) {
    assertThat(Contacts.normalisePhone(raw)).contains("+77011234567");
  }

  @ParameterizedTest
  @ValueSource(strings = {"123", "+1 415 555 0100", "8701123456789", "call me", "+7 301 123 45 67"})
  void otherTextIsNotAPhone(String raw) {
    assertThat(Contacts.normalisePhone(raw)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Aigul@Mail.KZ", " aigul@mail.kz "})
  void emailsAreCompared(String raw) {
    assertThat(Contacts.normaliseEmail(raw)).contains("aigul@mail.kz");
  }
}
