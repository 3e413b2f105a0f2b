package kz.forumpulse.web;

/** The service an API call belongs to. */
public enum Upstream {
  REGISTRATION,
  FEEDBACK,
  REPORTING
}
