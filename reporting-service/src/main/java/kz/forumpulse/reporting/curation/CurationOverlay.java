package kz.forumpulse.reporting.curation;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The effective curation of a forum, reduced to what the FAQ report needs: which group a group was
 * merged into, where a question was moved, and the texts moderators wrote. Later actions win.
 */
public final class CurationOverlay {

  /** Prefix of the group a question gets when moved out on its own. */
  public static final String OWN_GROUP_PREFIX = "m-";

  private final Map<String, String> mergedInto = new LinkedHashMap<>();
  private final Map<String, String> movedTo = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> texts = new LinkedHashMap<>();

  private CurationOverlay() {}

  public static CurationOverlay of(List<CurationAction> actions) {
    CurationOverlay overlay = new CurationOverlay();
    for (CurationAction a : actions) {
      switch (a.kind()) {
        case "MERGE" ->
            overlay.mergedInto.put(key(a.project(), a.sourceGroupId()), a.targetGroupId());
        case "MOVE" ->
            overlay.movedTo.put(
                a.questionId(),
                a.targetGroupId() == null ? OWN_GROUP_PREFIX + a.questionId() : a.targetGroupId());
        case "TEXT" ->
            overlay
                .texts
                .computeIfAbsent(key(a.project(), a.targetGroupId()), k -> new LinkedHashMap<>())
                .put(a.language(), a.text());
        default -> {
          // An action kind this version does not know changes nothing.
        }
      }
    }
    return overlay;
  }

  public boolean isEmpty() {
    return mergedInto.isEmpty() && movedTo.isEmpty() && texts.isEmpty();
  }

  /** The group a group's questions are shown in, following merges (a cycle stops the chase). */
  public String resolve(String project, String groupId) {
    String current = groupId;
    Set<String> seen = new HashSet<>();
    while (seen.add(current)) {
      String next = mergedInto.get(key(project, current));
      if (next == null) {
        return current;
      }
      current = next;
    }
    return current;
  }

  /** question id -> the group it was moved to (before merges are resolved). */
  public Map<String, String> moves() {
    return movedTo;
  }

  /** Moderators' texts for a group, by language. */
  public Map<String, String> textsOf(String project, String groupId) {
    return texts.getOrDefault(key(project, groupId), Map.of());
  }

  /** Group ids named by any action, so the report loads them even outside the top groups. */
  public Set<String> referencedGroups() {
    Set<String> groups = new LinkedHashSet<>();
    mergedInto.forEach(
        (k, target) -> {
          groups.add(k.substring(k.indexOf('|') + 1));
          groups.add(target);
        });
    movedTo.values().forEach(groups::add);
    texts.keySet().forEach(k -> groups.add(k.substring(k.indexOf('|') + 1)));
    return groups;
  }

  private static String key(String project, String groupId) {
    return project + "|" + groupId;
  }
}
