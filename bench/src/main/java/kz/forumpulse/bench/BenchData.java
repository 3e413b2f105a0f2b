package kz.forumpulse.bench;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generated, realistic load: participants of West Kazakhstan's 12 districts and Uralsk in the five
 * roles, and questions about the five projects in Russian and Kazakh built from templates with
 * varying slots, openings and closings. Everything comes from a {@link Random} with a fixed seed,
 * so two runs send the same data. Written for the benchmark only (not the FAQ evaluation data).
 */
final class BenchData {

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

  static final List<String> ROLES =
      List.of("RURAL_AKIM", "MASLIKHAT_DEPUTY", "PARTY_OFFICIAL", "AKIMAT_STAFF", "GUEST");

  /** Akims ask most, then deputies. */
  private static final int[] ROLE_WEIGHTS = {45, 25, 10, 12, 8};

  static final List<String> PROJECTS =
      List.of("AUYL_AMANATY", "ZHER_AMANATY", "FROM_CITY_TO_VILLAGE", "WITH_THE_PEOPLE", "OTHER");

  private static final List<String> SURNAMES =
      List.of(
          "Сапаров",
          "Жумабаев",
          "Утегенов",
          "Кенжегалиев",
          "Нургалиев",
          "Ермеков",
          "Досжанов",
          "Иманғалиев",
          "Мухамбетов",
          "Тлеугалиев",
          "Габдуллин",
          "Исмагулов",
          "Курмангалиев",
          "Шамшиев",
          "Бисенов",
          "Карабалин",
          "Петров",
          "Иванов",
          "Ковалёв",
          "Абуов");
  private static final List<String> MALE =
      List.of(
          "Ерлан",
          "Бауыржан",
          "Нурлан",
          "Азамат",
          "Серік",
          "Марат",
          "Дархан",
          "Асхат",
          "Ержан",
          "Руслан",
          "Сергей",
          "Алексей",
          "Талгат",
          "Қайрат");
  private static final List<String> FEMALE =
      List.of(
          "Айгүл", "Гүлнар", "Әсел", "Динара", "Жанар", "Сауле", "Мадина", "Ботагөз", "Ольга",
          "Наталья", "Роза", "Ақмарал");

  private static final List<String> VILLAGES =
      List.of(
          "Федоровка",
          "Переметное",
          "Чапаево",
          "Сайхин",
          "Жалпактал",
          "Аксай",
          "Жымпиты",
          "Казталовка",
          "Жангала",
          "Таскала",
          "Шынгырлау",
          "Дарьинское",
          "Январцево",
          "Калдыгайты",
          "Бөрлі",
          "Қараөзен");

  // Templates: {v} village, {n} a number, {y} a year, {a} an amount. Per project: ru, then kk.
  private static final String[][][] TEMPLATES = {
    { // AUYL_AMANATY: microcredits for villagers
      {
        "Какой срок погашения микрокредита по программе «Ауыл аманаты»?",
        "Под какой процент выдают микрокредит «Ауыл аманаты» в {v}?",
        "Можно ли получить кредит по «Ауыл аманаты» на {n} голов скота?",
        "Какой максимальный размер микрокредита, можно ли взять {a} тенге?",
        "Какие документы нужны для участия в программе «Ауыл аманаты»?",
        "Нужен ли залог для микрокредита, если сумма {a} тенге?",
        "Может ли пенсионер из {v} участвовать в «Ауыл аманаты»?",
        "Когда начнётся приём заявок на микрокредиты в {y} году?",
        "Сколько человек в нашем округе уже получили кредит «Ауыл аманаты»?",
        "Почему банк отказал в микрокредите жителю {v}?"
      },
      {
        "«Ауыл аманаты» бағдарламасы бойынша микронесиені қайтару мерзімі қандай?",
        "{v} ауылында «Ауыл аманаты» несиесі қанша пайызбен беріледі?",
        "«Ауыл аманаты» бойынша {n} бас малға несие алуға бола ма?",
        "Микронесиенің ең жоғары мөлшері қанша, {a} теңге алуға бола ма?",
        "«Ауыл аманаты» бағдарламасына қатысу үшін қандай құжаттар керек?",
        "{a} теңге несие үшін кепіл қажет пе?",
        "{v} ауылының зейнеткері «Ауыл аманатына» қатыса ала ма?",
        "{y} жылы микронесиеге өтінім қабылдау қашан басталады?",
        "Біздің округте «Ауыл аманаты» несиесін қанша адам алды?",
        "Неліктен банк {v} тұрғынына микронесие беруден бас тартты?"
      }
    },
    { // ZHER_AMANATY: land plots
      {
        "Как вернуть в государство неиспользуемые земли по «Жер аманаты» в {v}?",
        "Сколько гектаров пастбищ выделят округу {v} в {y} году?",
        "Кто решает, кому достанется земельный участок после изъятия?",
        "Можно ли получить {n} гектаров под сенокос через «Жер аманаты»?",
        "Почему пастбища вокруг {v} до сих пор не возвращены?",
        "Как подать заявку на землю для крестьянского хозяйства?",
        "Будет ли конкурс на земли, изъятые в {y} году?",
        "Что делать, если участок занят без документов?"
      },
      {
        "«Жер аманаты» бойынша {v} маңындағы пайдаланылмай жатқан жерді қалай қайтаруға болады?",
        "{y} жылы {v} округіне қанша гектар жайылым бөлінеді?",
        "Алынған жер учаскесі кімге берілетінін кім шешеді?",
        "«Жер аманаты» арқылы шабындыққа {n} гектар алуға бола ма?",
        "{v} айналасындағы жайылымдар неге әлі қайтарылмаған?",
        "Шаруа қожалығына жерге өтінімді қалай беруге болады?",
        "{y} жылы алынған жерлерге конкурс бола ма?",
        "Учаскені құжатсыз біреу алып отырса не істеу керек?"
      }
    },
    { // FROM_CITY_TO_VILLAGE: infrastructure
      {
        "Когда отремонтируют дорогу до {v} по программе «Из города – в село»?",
        "Будет ли построен новый клуб в {v} в {y} году?",
        "Сколько средств выделено на ремонт школы в {v}?",
        "Когда в {v} проведут водопровод к {n} домам?",
        "Почему ремонт дома культуры в {v} затянулся?",
        "Кто контролирует качество ремонта по «Из города – в село»?",
        "Можно ли включить ремонт фельдшерского пункта в программу на {y} год?",
        "Когда подключат газ в {v}?"
      },
      {
        "«Қаладан – ауылға» бағдарламасы бойынша {v} жолы қашан жөнделеді?",
        "{y} жылы {v} ауылында жаңа клуб салына ма?",
        "{v} мектебін жөндеуге қанша қаражат бөлінді?",
        "{v} ауылындағы {n} үйге су құбыры қашан тартылады?",
        "{v} мәдениет үйін жөндеу неге созылып кетті?",
        "«Қаладан – ауылға» бойынша жөндеу сапасын кім бақылайды?",
        "Фельдшерлік пунктті жөндеуді {y} жылғы бағдарламаға қосуға бола ма?",
        "{v} ауылына газ қашан қосылады?"
      }
    },
    { // WITH_THE_PEOPLE: party, meetings, citizens' appeals
      {
        "Как часто депутаты будут проводить встречи с жителями {v}?",
        "Куда обращаться, если обращение в «Вместе с народом!» осталось без ответа?",
        "Сколько обращений жителей {v} решено в {y} году?",
        "Будут ли выездные приёмы в сёлах с населением меньше {n} человек?",
        "Как проект «Вместе с народом!» помогает многодетным семьям?",
        "Кто отвечает за исполнение наказов избирателей в {v}?",
        "Можно ли подать обращение онлайн, если в {v} нет интернета?"
      },
      {
        "Депутаттар {v} тұрғындарымен қаншалықты жиі кездеседі?",
        "«Халықпен бірге!» жобасына жазған өтінішке жауап болмаса, қайда хабарласу керек?",
        "{y} жылы {v} тұрғындарының қанша өтініші шешілді?",
        "Тұрғыны {n} адамнан аз ауылдарда көшпелі қабылдау бола ма?",
        "«Халықпен бірге!» жобасы көпбалалы отбасыларға қалай көмектеседі?",
        "{v} ауылында сайлаушылар аманатын орындауға кім жауапты?",
        "{v} ауылында интернет болмаса, өтінішті онлайн беруге бола ма?"
      }
    },
    { // OTHER
      {
        "Когда повысят зарплату сельским акимам?",
        "Будет ли служебный транспорт у акима {v}?",
        "Почему в {v} нет участкового врача уже {n} месяцев?",
        "Как решить вопрос с бродячими собаками в {v}?",
        "Когда откроют детский сад в {v}?",
        "Сколько молодых специалистов приедет в район в {y} году?",
        "Кто будет вывозить мусор из {v}?"
      },
      {
        "Ауыл әкімдерінің жалақысы қашан көтеріледі?",
        "{v} әкімінің қызметтік көлігі бола ма?",
        "{v} ауылында {n} ай бойы неге учаскелік дәрігер жоқ?",
        "{v} ауылындағы иесіз иттер мәселесін қалай шешуге болады?",
        "{v} ауылында балабақша қашан ашылады?",
        "{y} жылы ауданға қанша жас маман келеді?",
        "{v} ауылынан қоқысты кім шығарады?"
      }
    }
  };

  private static final String[] OPEN_RU = {
    "", "", "", "Здравствуйте! ", "Скажите, пожалуйста, ", "Вопрос к организаторам: ", "Уважаемые! "
  };
  private static final String[] CLOSE_RU = {"", "", "", " Спасибо.", " Жители ждут ответа.", "!"};
  private static final String[] OPEN_KK = {
    "", "", "", "Сәлеметсіз бе! ", "Айтыңызшы, ", "Ұйымдастырушыларға сұрақ: ", "Құрметті! "
  };
  private static final String[] CLOSE_KK = {
    "", "", "", " Рахмет.", " Тұрғындар жауап күтеді.", "!"
  };

  /** A participant to register. */
  record Person(
      String fullName,
      String role,
      String district,
      String language,
      String phone,
      boolean elected,
      boolean party) {}

  /** A question to ask. */
  record Ask(String project, String text, String language, boolean anonymous) {}

  private BenchData() {}

  static Person person(Random random, long serial) {
    boolean female = random.nextInt(100) < 35;
    String surname = pick(random, SURNAMES);
    if (female) {
      surname =
          surname.endsWith("ов") || surname.endsWith("ев") || surname.endsWith("ин")
              ? surname + "а"
              : surname;
    }
    String name = surname + " " + pick(random, female ? FEMALE : MALE);
    String role = ROLES.get(weighted(random, ROLE_WEIGHTS));
    String district = pick(random, DISTRICTS);
    String language = random.nextInt(100) < 55 ? "kk" : "ru";
    // Unique per run: +7 70x, then the serial number in seven digits.
    String digits = String.format(Locale.ROOT, "%07d", serial % 10_000_000);
    String phone =
        "+7 70"
            + (serial / 10_000_000 % 10)
            + " "
            + digits.substring(0, 3)
            + " "
            + digits.substring(3, 5)
            + " "
            + digits.substring(5);
    return new Person(
        name,
        role,
        district,
        language,
        phone,
        role.equals("RURAL_AKIM") || role.equals("MASLIKHAT_DEPUTY"),
        random.nextInt(100) < 60);
  }

  static Ask ask(Random random, String preferredLanguage) {
    int project = weighted(random, new int[] {30, 25, 25, 10, 10});
    String language =
        preferredLanguage != null && random.nextInt(100) < 85
            ? preferredLanguage
            : (random.nextBoolean() ? "kk" : "ru");
    int lang = "kk".equals(language) ? 1 : 0;
    String[] templates = TEMPLATES[project][lang];
    String text =
        (lang == 0 ? pick(random, OPEN_RU) : pick(random, OPEN_KK))
            + fill(random, templates[random.nextInt(templates.length)])
            + (lang == 0 ? pick(random, CLOSE_RU) : pick(random, CLOSE_KK));
    return new Ask(PROJECTS.get(project), text.strip(), language, random.nextInt(100) < 15);
  }

  /** A draft someone is typing, for the similar-question look-up. */
  static String draft(Random random) {
    Ask ask = ask(random, null);
    return ask.text();
  }

  static String projectOf(Random random) {
    return PROJECTS.get(weighted(random, new int[] {30, 25, 25, 10, 10}));
  }

  private static String fill(Random random, String template) {
    return template
        .replace("{v}", pick(random, VILLAGES))
        .replace("{n}", String.valueOf(2 + random.nextInt(60)))
        .replace("{y}", String.valueOf(2025 + random.nextInt(3)))
        .replace(
            "{a}",
            String.format(Locale.ROOT, "%,d", (1 + random.nextInt(25)) * 500_000)
                .replace(',', ' '));
  }

  private static String pick(Random random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static int weighted(Random random, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
