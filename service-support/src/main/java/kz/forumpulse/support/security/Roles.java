package kz.forumpulse.support.security;

/** Staff roles. Participants are not accounts: they prove themselves with their access code. */
public final class Roles {

  public static final String ORGANISER = "ORGANISER";
  public static final String MODERATOR = "MODERATOR";
  public static final String ANALYST = "ANALYST";

  private Roles() {}
}
