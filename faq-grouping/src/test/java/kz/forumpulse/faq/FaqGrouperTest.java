package kz.forumpulse.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaqGrouperTest {

  private static final String[][] QUESTIONS = {
    {"q1", "ru", "Какой максимальный срок кредита по Ауыл аманаты?"},
    {"q2", "ru", "Под какой процент дают микрокредит по Ауыл аманаты?"},
    {"q3", "kk", "Ауыл аманаты несиесін неше жылға алуға болады?"},
    {"q4", "ru", "СРОК КРЕДИТА ПО АУЫЛ АМАНАТЫ КАКОЙ?"},
    {"q5", "ru", "Какая годовая ставка вознаграждения по микрокредитам?"},
    {"q6", "kk", "Микронесиенің жылдық сыйақы мөлшерлемесі қанша?"},
    {"q7", "ru", "Какие документы нужны для оформления микрокредита?"},
  };

  private static FaqGrouper filled() {
    FaqGrouper g = new FaqGrouper();
    for (String[] q : QUESTIONS) {
      g.add(q[0], q[2], q[1]);
    }
    return g;
  }

  @Test
  void groupsParaphrasesAcrossLanguagesAndSeparatesDifferentAsks() {
    FaqGrouper g = filled();
    assertThat(g.groupOf("q3")).contains("q1");
    assertThat(g.groupOf("q4")).contains("q1");
    assertThat(g.groupOf("q5")).contains("q2");
    assertThat(g.groupOf("q6")).contains("q2");
    // term, rate and documents are different FAQ entries of the same project
    assertThat(g.groupOf("q2")).contains("q2");
    assertThat(g.groupOf("q7")).contains("q7");
  }

  @Test
  void groupIdIsTheFirstQuestionOfTheGroup() {
    FaqGrouper g = new FaqGrouper();
    assertThat(g.add("a", "Когда проведут интернет в село?", "ru")).isEqualTo("a");
    assertThat(g.add("b", "Ауылға интернет қашан тартылады?", "kk")).isEqualTo("a");
  }

  @Test
  void sameSequenceGivesSameGroups() {
    List<FaqGroup> first = filled().groups();
    List<FaqGroup> second = filled().groups();
    assertThat(second).isEqualTo(first);
  }

  @Test
  void textsAnalysedAheadOnAnotherThreadGroupAsTheTextsThemselves() throws Exception {
    List<LabelledQuestions.Question> questions = LabelledQuestions.load("/faq-questions-dev.jsonl");
    var preparedAhead =
        java.util.concurrent.Executors.newSingleThreadExecutor()
            .submit(
                () -> {
                  FaqGrouper.Preparer preparer = new FaqGrouper.Preparer();
                  return questions.stream().map(q -> preparer.prepare(q.text(), q.lang())).toList();
                })
            .get();
    java.util.Map<String, FaqGrouper> byText = new java.util.HashMap<>();
    java.util.Map<String, FaqGrouper> byPrepared = new java.util.HashMap<>();
    for (int i = 0; i < questions.size(); i++) {
      LabelledQuestions.Question q = questions.get(i);
      String expected =
          byText
              .computeIfAbsent(q.project(), p -> new FaqGrouper())
              .add(q.id(), q.text(), q.lang());
      assertThat(
              byPrepared
                  .computeIfAbsent(q.project(), p -> new FaqGrouper())
                  .add(q.id(), preparedAhead.get(i)))
          .as(q.id())
          .isEqualTo(expected);
    }
    assertThat(byText.keySet()).isEqualTo(byPrepared.keySet());
    for (String project : byText.keySet()) {
      assertThat(byPrepared.get(project).groups()).isEqualTo(byText.get(project).groups());
      for (FaqGroup group : byText.get(project).groups()) {
        for (String lang : List.of("ru", "kk")) {
          assertThat(byPrepared.get(project).representativeFor(group.groupId(), lang))
              .isEqualTo(byText.get(project).representativeFor(group.groupId(), lang));
        }
      }
    }
    // An engine with other weights does not use an analysis made for the defaults.
    Settings d = Settings.defaults();
    Settings other =
        new Settings(
            d.threshold(),
            2.0,
            0.1,
            d.askWeight(),
            d.qwordWeight(),
            2.0,
            d.askConflictPenalty(),
            d.askMissingPenalty(),
            d.dominantAskShare(),
            d.linkageExponent(),
            d.groupPostingCap(),
            d.similarCandidateCap());
    FaqGrouper otherByText = new FaqGrouper(other);
    FaqGrouper otherByPrepared = new FaqGrouper(other);
    for (int i = 0; i < questions.size(); i++) {
      LabelledQuestions.Question q = questions.get(i);
      otherByText.add(q.id(), q.text(), q.lang());
      otherByPrepared.add(q.id(), preparedAhead.get(i));
    }
    assertThat(otherByPrepared.groups()).isEqualTo(otherByText.groups());
  }

  @Test
  void reAddingAnIdIsIdempotent() {
    FaqGrouper g = filled();
    List<FaqGroup> before = g.groups();
    assertThat(g.add("q4", "совсем другой текст про дороги", "ru")).isEqualTo("q1");
    assertThat(g.size()).isEqualTo(QUESTIONS.length);
    assertThat(g.groups()).isEqualTo(before);
  }

  @Test
  void groupsAreOrderedBySizeThenAge() {
    List<FaqGroup> groups = filled().groups();
    assertThat(groups).extracting(FaqGroup::groupId).containsExactly("q1", "q2", "q7");
    assertThat(groups.get(0).questionIds()).containsExactly("q1", "q3", "q4");
    assertThat(groups.get(0).languages()).containsExactly("kk", "ru");
  }

  @Test
  void representativeIsTheMostCentralMember() {
    FaqGrouper g = new FaqGrouper();
    g.add("a", "Какой срок кредита по Ауыл аманаты и какие документы нужны банку?", "ru");
    g.add("b", "Какой срок кредита по Ауыл аманаты?", "ru");
    g.add("c", "Срок кредита Ауыл аманаты какой, максимальный?", "ru");
    g.add("d", "Ауыл аманаты несиесінің мерзімі қандай?", "kk");
    FaqGroup group = g.groups().get(0);
    assertThat(group.questionIds()).contains("a", "b", "c", "d");
    assertThat(group.representativeQuestionId()).isEqualTo("b");
    assertThat(g.representativeFor(group.groupId(), "kk")).isEqualTo("d");
    assertThat(g.representativeFor(group.groupId(), "ru")).isEqualTo("b");
    assertThat(g.representativeFor("nope", "ru")).isNull();
  }

  @Test
  void representativeOfALargeGroupDoesNotDependOnWhenItIsAsked() {
    String[] variants = {
      "Какой срок кредита по Ауыл аманаты?",
      "Срок кредита Ауыл аманаты какой?",
      "На какой срок дают кредит Ауыл аманаты?",
      "Ауыл аманаты несиесінің мерзімі қандай?",
      "Какой максимальный срок кредита Ауыл аманаты для села?",
    };
    FaqGrouper askedAlways = new FaqGrouper();
    FaqGrouper askedAtTheEnd = new FaqGrouper();
    String groupId = null;
    for (int i = 0; i < 300; i++) {
      String text = variants[i % variants.length] + " " + "вопрос".repeat(i % 3);
      String lang = i % variants.length == 3 ? "kk" : "ru";
      groupId = askedAlways.add("q" + i, text, lang);
      askedAtTheEnd.add("q" + i, text, lang);
      askedAlways.representativeFor(groupId, "ru");
      askedAlways.representativeFor(groupId, "kk");
    }
    assertThat(askedAlways.groups()).hasSize(1);
    assertThat(askedAtTheEnd.representativeFor(groupId, "kk"))
        .isEqualTo(askedAlways.representativeFor(groupId, "kk"));
    assertThat(askedAtTheEnd.representativeFor(groupId, "ru"))
        .isEqualTo(askedAlways.representativeFor(groupId, "ru"));
    assertThat(askedAtTheEnd.groups()).isEqualTo(askedAlways.groups());
    String kk = askedAtTheEnd.representativeFor(groupId, "kk");
    assertThat(Integer.parseInt(kk.substring(1)) % variants.length).isEqualTo(3);
  }

  @Test
  void representativeForFallsBackWhenNoMemberHasTheLanguage() {
    FaqGrouper g = new FaqGrouper();
    g.add("a", "Когда проведут интернет в село?", "ru");
    assertThat(g.representativeFor("a", "kk")).isEqualTo("a");
  }

  @Test
  void similarRanksTheSameAskFirst() {
    FaqGrouper g = filled();
    List<SimilarQuestion> similar = g.similar("На сколько лет дают ауыл аманаты?", "ru", 3);
    assertThat(similar).hasSizeLessThanOrEqualTo(3).isNotEmpty();
    assertThat(similar.get(0).groupId()).isEqualTo("q1");
    assertThat(similar).isSortedAccordingTo((x, y) -> Double.compare(y.score(), x.score()));
    assertThat(similar).allSatisfy(s -> assertThat(s.score()).isBetween(0.0, 1.0));
    // asking does not add
    assertThat(g.size()).isEqualTo(QUESTIONS.length);
  }

  @Test
  void similarOnEmptyGrouperOrZeroLimitIsEmpty() {
    assertThat(new FaqGrouper().similar("срок кредита", "ru", 5)).isEmpty();
    assertThat(filled().similar("срок кредита", "ru", 0)).isEmpty();
  }

  @Test
  void detectsLanguageWhenNotGiven() {
    FaqGrouper g = new FaqGrouper();
    g.add("a", "Ауыл аманаты несиесін неше жылға алуға болады?", null);
    assertThat(g.groups().get(0).languages()).containsExactly("kk");
  }

  @Test
  void unknownQuestionHasNoGroup() {
    assertThat(filled().groupOf("zzz")).isEmpty();
  }

  @Test
  void toleratesEmptyText() {
    FaqGrouper g = new FaqGrouper();
    assertThat(g.add("a", "", "ru")).isEqualTo("a");
    assertThat(g.add("b", null, null)).isEqualTo("b");
  }
}
