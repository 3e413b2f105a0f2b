package kz.forumpulse.faq.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import kz.forumpulse.faq.FaqGrouper;

/**
 * Micro benchmark (a main, not a test): adds 100,000 generated questions to one grouper and
 * measures add throughput and similar() latency. Questions are recombined from domain vocabulary
 * with a fixed seed, so runs are comparable; they are not the dev sentences.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:target/lib/*
 * kz.forumpulse.faq.bench.FaqGroupingBenchmark [questions] [queries]}
 */
public final class FaqGroupingBenchmark {

  private static final String[] RU_FRAMES = {
    "Какой %s по %s для %s?",
    "Подскажите, %s %s – как быть %s?",
    "когда будет %s по %s у %s",
    "Где узнать про %s и %s, если %s?",
    "Сколько %s по %s в %s?",
    "Кто отвечает за %s по %s в %s?",
  };
  private static final String[] KK_FRAMES = {
    "%s бойынша %s қашан %s?", "%s %s қалай алуға болады, %s?", "%s туралы %s қайда %s?",
  };
  private static final String[] RU_ASKS = {
    "срок кредита",
    "процент",
    "ставка",
    "сумма займа",
    "перечень документов",
    "заявка",
    "очередь на жилье",
    "подключение газа",
    "график интернета",
    "пастбища",
    "возврат земли",
    "конкурс на участок",
    "доходы бюджета",
    "зарплата акима",
    "госзакупки",
    "дорожная карта",
    "отчет перед жителями",
    "собрание местного сообщества",
    "ремонт дороги",
    "строительство школы",
  };
  private static final String[] RU_TOPICS = {
    "Ауыл аманаты",
    "Жер аманаты",
    "проекту Из города в село",
    "программе Вместе с народом",
    "микрокредиту",
    "земле",
    "жилью",
    "интернету",
    "бюджету четвертого уровня",
    "госслужбе",
    "водоснабжению",
    "мектеп",
    "больнице",
    "молодежи",
    "скоту",
    "аренде",
  };
  private static final String[] RU_PLACES = {
    "сельского округа",
    "района",
    "села",
    "аула",
    "области",
    "фермеров",
    "пенсионеров",
    "многодетных",
    "молодых семей",
    "ЗКО",
    "Бурлинского района",
    "Таскалинского района",
  };
  private static final String[] KK_WORDS = {
    "несие",
    "жер",
    "үй",
    "интернет",
    "жол",
    "мектеп",
    "жайылым",
    "мал",
    "бюджет",
    "жалақы",
    "құжаттар",
    "өтінім",
    "мерзімі",
    "пайызы",
    "кезек",
    "ауыл",
    "әкім",
    "жастар",
    "отбасы",
    "сатып алу",
    "жол картасы",
    "су",
    "газ",
  };

  private static final String[] VILLAGE_PARTS = {
    "Жана", "Ак", "Кара", "Сары", "Талды", "Кок", "Шалкар", "Бес", "Тау", "Кум", "Озен", "Жол",
    "Агаш", "Булак", "Коль", "Тобе", "Аул", "Жар", "Кайын", "Тас",
  };

  private FaqGroupingBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    Random rnd = new Random(42);
    List<String[]> questions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      questions.add(generate(rnd, i));
    }
    FaqGrouper grouper = new FaqGrouper();
    // warm-up on a throw-away grouper so the JIT has seen the code paths
    FaqGrouper warm = new FaqGrouper();
    for (int i = 0; i < Math.min(5_000, n); i++) {
      String[] q = questions.get(i);
      warm.add(q[0], q[1], q[2]);
    }
    // thread CPU time next to wall time: on a shared build machine the wall clock also counts
    // the time other processes held the core
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    long c0 = cpu.getCurrentThreadCpuTime();
    for (String[] q : questions) {
      grouper.add(q[0], q[1], q[2]);
    }
    long addNanos = System.nanoTime() - t0;
    long addCpu = cpu.getCurrentThreadCpuTime() - c0;
    System.out.printf(
        "added %,d questions in %.1f s wall (%.1f s CPU): %,.0f adds/s wall, %,.0f adds/s CPU,"
            + " %,d groups%n",
        n,
        addNanos / 1e9,
        addCpu / 1e9,
        n / (addNanos / 1e9),
        n / (addCpu / 1e9),
        grouper.groups().size());

    long[] lat = new long[queries];
    long[] latCpu = new long[queries];
    for (int i = 0; i < queries; i++) {
      String[] q = generate(rnd, n + i);
      long s = System.nanoTime();
      long sc = cpu.getCurrentThreadCpuTime();
      grouper.similar(q[1], q[2], 10);
      lat[i] = System.nanoTime() - s;
      latCpu[i] = cpu.getCurrentThreadCpuTime() - sc;
    }
    Arrays.sort(lat);
    Arrays.sort(latCpu);
    System.out.printf(
        "similar(limit 10) over %,d questions, %,d queries: wall p50 %.2f ms, p99 %.2f ms,"
            + " max %.2f ms; CPU p50 %.2f ms, p99 %.2f ms%n",
        n,
        queries,
        lat[queries / 2] / 1e6,
        lat[(int) (queries * 0.99)] / 1e6,
        lat[queries - 1] / 1e6,
        latCpu[queries / 2] / 1e6,
        latCpu[(int) (queries * 0.99)] / 1e6);
  }

  private static String[] generate(Random rnd, int i) {
    String id = "b" + i;
    if (rnd.nextInt(4) == 0) {
      String frame = KK_FRAMES[rnd.nextInt(KK_FRAMES.length)];
      return new String[] {
        id,
        String.format(frame, pick(rnd, KK_WORDS), pick(rnd, KK_WORDS), pick(rnd, KK_WORDS)),
        "kk"
      };
    }
    String frame = RU_FRAMES[rnd.nextInt(RU_FRAMES.length)];
    String text =
        String.format(frame, pick(rnd, RU_ASKS), pick(rnd, RU_TOPICS), pick(rnd, RU_PLACES));
    // a village name or number now and then, like real questions have
    if (rnd.nextBoolean()) {
      text +=
          " село "
              + VILLAGE_PARTS[rnd.nextInt(VILLAGE_PARTS.length)]
              + VILLAGE_PARTS[rnd.nextInt(VILLAGE_PARTS.length)].toLowerCase(java.util.Locale.ROOT);
    }
    return new String[] {id, text, "ru"};
  }

  private static String pick(Random rnd, String[] words) {
    return words[rnd.nextInt(words.length)];
  }
}
