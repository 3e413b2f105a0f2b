package kz.forumpulse.reporting.store;

import org.bson.Document;

/**
 * The version compare-and-set every guarded report document is written with: read the document by
 * {@code _id}, decide in Java, write with the filter {@code {_id, v: <v read>}} and {@code $inc v}
 * (used by {@link SeqGuardedWrites} and the FAQ's question writes). The write lands only on the
 * version that was read, else the writer reads again. Both steps are {@code _id} look-ups, on
 * MongoDB and on the embedded emulator alike (ADR 0006: it narrows a filter that pins {@code _id}
 * to that index). A unique {@code (_id, v)} index used to serve the second step on the emulator;
 * with the narrowing it only cost memory and a remove-and-add on every write, so it is no longer
 * created.
 */
public final class GuardedUpdate {

  /** The version field every guarded document carries; bumped by every write to it. */
  public static final String VERSION = "v";

  private GuardedUpdate() {}

  /**
   * The filter of a compare-and-set on the document as read: its version, or — for a document that
   * did not exist ({@code version} null) — no version yet. {@code $exists}, not "v: null": an
   * equality would be copied into a document an upsert creates.
   */
  public static Document onVersion(Object id, Object version) {
    return new Document("_id", id)
        .append(VERSION, version == null ? new Document("$exists", false) : version);
  }
}
