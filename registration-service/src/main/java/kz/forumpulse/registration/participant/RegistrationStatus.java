package kz.forumpulse.registration.participant;

/**
 * Where a registration stands. Only REGISTERED holds a seat; check-in is a separate mark on a
 * REGISTERED registration (so undoing it restores exactly the previous state).
 */
public enum RegistrationStatus {
  /** The forum requires approval and no organiser has decided yet. Holds no seat. */
  PENDING,
  /** Has a seat (in the forum and in each chosen session that has a capacity). */
  REGISTERED,
  /** In the waiting line; promoted automatically when a seat frees up. */
  WAITLISTED,
  /** An organiser declined it. Final. */
  DECLINED,
  /** Cancelled by the participant or an organiser. Final. */
  CANCELLED
}
