package kz.forumpulse.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberingPasswordEncoderTest {

  private final AtomicInteger checks = new AtomicInteger();
  private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
  private final PasswordEncoder counting =
      new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
          return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
          checks.incrementAndGet();
          return bcrypt.matches(raw, encoded);
        }
      };
  private final RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(counting);

  @Test
  void remembersSuccessesButNeverFailures() {
    String hash = encoder.encode("s3cret-Pw");

    assertThat(encoder.matches("s3cret-Pw", hash)).isTrue();
    assertThat(encoder.matches("s3cret-Pw", hash)).isTrue();
    assertThat(checks).hasValue(1);

    assertThat(encoder.matches("guess", hash)).isFalse();
    assertThat(encoder.matches("guess", hash)).isFalse();
    assertThat(checks).hasValue(3);

    assertThat(encoder.matches("s3cret-Pw", encoder.encode("other"))).isFalse();
  }
}
