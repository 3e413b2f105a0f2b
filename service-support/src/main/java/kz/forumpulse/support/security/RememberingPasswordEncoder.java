package kz.forumpulse.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt for stored passwords, remembering successful checks. The API is stateless HTTP Basic, so
 * every staff request re-checks the password; a BCrypt check costs tens of milliseconds of CPU and
 * dominated report latency. A success is remembered by a SHA-256 digest of the password and its
 * stored hash (never the password itself), so repeated requests cost a digest; failures are never
 * remembered, so guessing still pays full price. Bounded: the cache is cleared when it grows.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

  private static final int MAX_ENTRIES = 1_000;

  private final PasswordEncoder delegate;
  private final Map<String, Boolean> verified = new ConcurrentHashMap<>();

  RememberingPasswordEncoder(PasswordEncoder delegate) {
    this.delegate = delegate;
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return delegate.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    if (rawPassword == null || encodedPassword == null) {
      return false;
    }
    String key = digest(rawPassword + "\u0000" + encodedPassword);
    if (verified.containsKey(key)) {
      return true;
    }
    boolean matches = delegate.matches(rawPassword, encodedPassword);
    if (matches) {
      if (verified.size() >= MAX_ENTRIES) {
        verified.clear();
      }
      verified.put(key, Boolean.TRUE);
    }
    return matches;
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return delegate.upgradeEncoding(encodedPassword);
  }

  private static String digest(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
