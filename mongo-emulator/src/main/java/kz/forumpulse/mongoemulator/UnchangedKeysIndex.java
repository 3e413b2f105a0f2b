package kz.forumpulse.mongoemulator;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A unique index of the memory backend that tells an update left its keys alone without computing
 * them. mongo-java-server computes every unique index's keys of the old and the new document twice
 * per update (once to check, once to apply) — splitting each key path with a regular expression and
 * normalising each value into new objects — only to find, nearly always, that they did not change.
 * When every key is a top-level field holding the same non-array value in both documents (or absent
 * from both), the keys are equal and both steps are skipped, exactly as the library itself would
 * skip them once it had computed the keys. Anything else (dotted paths, arrays, a value that
 * changed, even only from an int to a long) goes through the library's own code.
 */
final class UnchangedKeysIndex extends MemoryUniqueIndex {

  /** The keys' field names, or null when one is a path into a sub-document. */
  private final List<String> fields;

  UnchangedKeysIndex(String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    List<String> names = keys.stream().map(IndexKey::getKey).toList();
    this.fields = names.stream().anyMatch(field -> field.contains(".")) ? null : names;
  }

  @Override
  public void checkUpdate(
      Document oldDocument, Document newDocument, MongoCollection<Integer> collection) {
    if (!keysUnchanged(oldDocument, newDocument)) {
      super.checkUpdate(oldDocument, newDocument, collection);
    }
  }

  @Override
  public void updateInPlace(
      Document oldDocument,
      Document newDocument,
      Integer position,
      MongoCollection<Integer> collection)
      throws KeyConstraintError {
    if (!keysUnchanged(oldDocument, newDocument)) {
      super.updateInPlace(oldDocument, newDocument, position, collection);
    }
  }

  /** True only when the keys are certainly equal; false means "ask the library". */
  boolean keysUnchanged(Document oldDocument, Document newDocument) {
    if (fields == null) {
      return false;
    }
    for (String field : fields) {
      boolean present = oldDocument.containsKey(field);
      if (present != newDocument.containsKey(field)) {
        return false;
      }
      Object before = oldDocument.get(field);
      Object after = newDocument.get(field);
      if (before instanceof Collection<?>
          || after instanceof Collection<?>
          || !Objects.equals(before, after)) {
        return false;
      }
    }
    return true;
  }
}
