package kz.forumpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DemoDataGeneratorTest {

  static final List<String> DISTRICTS =
      List.of(
          "AKZHAIYK",
          "BAITEREK",
          "BOKEIORDA",
          "BURLIN",
          "ZHANGALA",
          "ZHANIBEK",
          "KAZTALOV",
          "KARATOBE",
          "SYRYM",
          "TASKALA",
          "TEREKTI",
          "SHYNGYRLAU",
          "URALSK");

  static final Set<String> PROJECTS =
      Set.of("AUYL_AMANATY", "ZHER_AMANATY", "FROM_CITY_TO_VILLAGE", "WITH_THE_PEOPLE", "OTHER");

  @Test
  void participantsLookLikeTheForumOfRuralAkims() {
    List<DemoParticipants.Participant> people =
        DemoParticipants.generate(new Random(2026), DISTRICTS);

    assertThat(people).hasSize(150);
    Map<String, Long> byRole =
        people.stream()
            .collect(
                Collectors.groupingBy(DemoParticipants.Participant::role, Collectors.counting()));
    assertThat(byRole)
        .containsOnlyKeys(
            "RURAL_AKIM", "MASLIKHAT_DEPUTY", "PARTY_OFFICIAL", "AKIMAT_STAFF", "GUEST");
    assertThat(byRole.get("RURAL_AKIM")).isEqualTo(100);
    assertThat(people.stream().filter(DemoParticipants.Participant::elected).count()).isEqualTo(95);
    long partyAkims =
        people.stream().filter(p -> p.role().equals("RURAL_AKIM") && p.partyMember()).count();
    assertThat(partyAkims).isGreaterThanOrEqualTo(88);
    // Every rural district has its akims; the city appears through the other roles.
    assertThat(
            people.stream()
                .filter(p -> p.role().equals("RURAL_AKIM"))
                .map(DemoParticipants.Participant::district))
        .containsAll(DISTRICTS.subList(0, 12));
    assertThat(people)
        .allSatisfy(
            p -> {
              assertThat(p.fullName().split(" ")).hasSize(3);
              assertThat(p.language()).isIn("ru", "kk");
              assertThat(p.phone()).matches("\\+7 7\\d\\d \\d{3} \\d{2} \\d{2}");
              assertThat(p.body()).containsEntry("consent", true);
            });
    assertThat(people.stream().map(DemoParticipants.Participant::language).distinct())
        .contains("ru", "kk");
  }

  @Test
  void theSameSeedGivesTheSameParticipants() {
    assertThat(DemoParticipants.generate(new Random(2026), DISTRICTS))
        .isEqualTo(DemoParticipants.generate(new Random(2026), DISTRICTS));
  }

  @Test
  void questionsCoverEveryProjectInBothLanguagesWithRepeatedIntents() {
    Random random = new Random(7);
    List<DemoQuestions.Question> questions =
        IntStream.range(0, 300)
            .mapToObj(i -> DemoQuestions.next(random, i % 3 == 0 ? "kk" : "ru"))
            .toList();

    assertThat(questions.stream().map(DemoQuestions.Question::project).collect(Collectors.toSet()))
        .isEqualTo(PROJECTS);
    assertThat(questions.stream().map(DemoQuestions.Question::language).distinct())
        .contains("ru", "kk");
    assertThat(questions).allSatisfy(q -> assertThat(q.text()).isNotBlank().hasSizeLessThan(400));
    // Near-duplicates, not copies: many questions, fewer distinct texts than questions.
    Set<String> distinct =
        new HashSet<>(questions.stream().map(DemoQuestions.Question::text).toList());
    assertThat(distinct.size()).isBetween(60, 299);
    assertThat(DemoQuestions.INTENTS).allSatisfy(i -> assertThat(i.project()).isIn(PROJECTS));
  }

  @Test
  void kazakhPhrasingsAreInKazakh() {
    assertThat(DemoQuestions.INTENTS)
        .allSatisfy(
            i -> assertThat(i.kk()).allSatisfy(t -> assertThat(t).containsPattern("[әғқңөұүһі]")));
  }
}
