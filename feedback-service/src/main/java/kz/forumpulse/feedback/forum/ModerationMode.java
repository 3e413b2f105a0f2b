package kz.forumpulse.feedback.forum;

/** Whether a forum's questions appear at once ({@code OFF}) or after a moderator approves them. */
public enum ModerationMode {
  OFF,
  PRE_MODERATED
}
