package kz.forumpulse.feedback.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;

import kz.forumpulse.feedback.question.QuestionStore.VoteTarget;
import kz.forumpulse.support.outbox.OutboxRelay;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What a vote guesses from (ADR 0011) stays bounded, and the bound drops the questions least
 * recently asked or voted on, not everything at once.
 */
class LastKnownTest {

  private final QuestionStore store =
      new QuestionStore(mock(MongoTemplate.class, RETURNS_DEEP_STUBS), mock(OutboxRelay.class));

  private static VoteTarget question(int n) {
    return new VoteTarget("q" + n, "author", QuestionStatus.PUBLISHED, 0, 0);
  }

  @Test
  void keepsTheQuestionsUsedLastUpToItsBound() {
    int max = QuestionStore.LAST_KNOWN_MAX;
    for (int n = 0; n < max; n++) {
      store.remember("f", question(n));
    }
    // A vote on the oldest makes it the newest.
    store.remember("f", question(0).changed(1));
    store.remember("f", question(max));

    assertThat(store.lastKnownForVote("f", "q0"))
        .get()
        .extracting(VoteTarget::supportCount)
        .isEqualTo(1);
    assertThat(store.lastKnownForVote("f", "q1")).isEmpty();
    assertThat(store.lastKnownForVote("f", "q2")).isPresent();
    assertThat(store.lastKnownForVote("f", "q" + max)).isPresent();
    // Known in this forum only.
    assertThat(store.lastKnownForVote("g", "q2")).isEmpty();
  }
}
