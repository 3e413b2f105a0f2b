package kz.forumpulse.faq;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One FAQ entry: near-duplicate questions, possibly in both languages.
 *
 * @param groupId the id of the question that opened the group
 * @param representativeQuestionId the most central member (highest average similarity to the rest)
 * @param questionIds members in the order they were added
 * @param languages languages of the members ("ru", "kk")
 */
public record FaqGroup(
    String groupId,
    String representativeQuestionId,
    List<String> questionIds,
    Set<String> languages) {

  public FaqGroup {
    questionIds = List.copyOf(questionIds);
    // sorted, so that anything serialising a group writes the same bytes every time
    languages = Collections.unmodifiableSet(new TreeSet<>(languages));
  }

  public int size() {
    return questionIds.size();
  }
}
