package kz.forumpulse.faq;

/**
 * An existing question similar to a draft.
 *
 * @param score cosine similarity of the feature vectors, in [0, 1]
 */
public record SimilarQuestion(String questionId, String groupId, double score) {}
