package kz.forumpulse.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Made-up questions about the party's projects, in Russian and Kazakh. Each intent (what the asker
 * wants to know) has several phrasings per language; every generated question is one phrasing with
 * small, realistic noise (greeting, case, a typo, punctuation), so the FAQ report has
 * near-duplicate groups to find, with counts that differ from intent to intent.
 */
final class DemoQuestions {

  /** What one question asks: project, how often it comes up, phrasings per language. */
  record Intent(String project, int weight, List<String> ru, List<String> kk) {}

  /** One generated question. */
  record Question(String project, String language, String text) {}

  static final List<Intent> INTENTS =
      List.of(
          // «Ауыл аманаты»: rural microcredits
          new Intent(
              "AUYL_AMANATY",
              14,
              List.of(
                  "Какие документы нужны, чтобы получить микрокредит по «Ауыл аманаты»?",
                  "Что нужно собрать для оформления микрокредита по программе Ауыл аманаты?",
                  "Куда обращаться сельчанину за микрокредитом и какой пакет документов готовить?"),
              List.of(
                  "«Ауыл аманаты» бойынша микрокредит алу үшін қандай құжаттар керек?",
                  "Микрокредит рәсімдеу үшін қандай құжат жинау қажет?")),
          new Intent(
              "AUYL_AMANATY",
              10,
              List.of(
                  "Под какой процент выдают микрокредиты по Ауыл аманаты и на какой срок?",
                  "Какая ставка вознаграждения по микрокредиту в селе и сколько лет можно гасить?",
                  "На сколько лет дают микрокредит и какая процентная ставка?"),
              List.of(
                  "Ауыл аманаты микрокредитінің пайыздық мөлшерлемесі қандай, қанша жылға береді?",
                  "Микрокредит неше жылға беріледі және пайызы қанша?")),
          new Intent(
              "AUYL_AMANATY",
              8,
              List.of(
                  "Можно ли получить микрокредит без залога?",
                  "Если у человека нет залогового имущества, дадут ли ему микрокредит?",
                  "Нужен ли залог или поручитель для микрокредита по Ауыл аманаты?"),
              List.of(
                  "Кепілсіз микрокредит алуға бола ма?",
                  "Кепіл мүлкі жоқ адамға микрокредит беріле ме?")),
          new Intent(
              "AUYL_AMANATY",
              6,
              List.of(
                  "Может ли безработная молодёжь из аула участвовать в Ауыл аманаты?",
                  "Дают ли микрокредиты молодым людям без опыта предпринимательства?"),
              List.of(
                  "Жұмыссыз жастар Ауыл аманаты бағдарламасына қатыса ала ма?",
                  "Кәсіпкерлік тәжірибесі жоқ жастарға микрокредит бере ме?")),
          new Intent(
              "AUYL_AMANATY",
              4,
              List.of(
                  "Какая максимальная сумма микрокредита на развитие животноводства?",
                  "Сколько максимум можно взять по микрокредиту на покупку скота?"),
              List.of("Мал сатып алуға микрокредиттің ең көп сомасы қанша?")),
          // «Жер аманаты»: returning unused land to the state
          new Intent(
              "ZHER_AMANATY",
              12,
              List.of(
                  "Как происходит возврат неиспользуемых земель в госсобственность по «Жер аманаты»?",
                  "Какой порядок изъятия земли, которая не используется по назначению?",
                  "Каким образом возвращают государству пустующие сельхозземли?"),
              List.of(
                  "Пайдаланылмайтын жер мемлекетке қалай қайтарылады?",
                  "«Жер аманаты» бойынша игерілмеген жерді қайтару тәртібі қандай?")),
          new Intent(
              "ZHER_AMANATY",
              9,
              List.of(
                  "Кому будут распределять возвращённые земли, получат ли их местные жители?",
                  "Как будут перераспределяться 79 тысяч гектаров возвращённой земли?",
                  "Получат ли сельчане возвращённые государству земли под пастбища?"),
              List.of(
                  "Мемлекетке қайтарылған жерлер кімге беріледі?",
                  "Қайтарылған жерді ауыл тұрғындарына жайылымға бере ме?")),
          new Intent(
              "ZHER_AMANATY",
              7,
              List.of(
                  "Где сельчанам пасти скот, если вокруг села нет пастбищ?",
                  "Как решить проблему нехватки пастбищ возле села?"),
              List.of(
                  "Ауыл маңында жайылым жоқ, малды қайда бағамыз?",
                  "Жайылым жетіспеушілігі мәселесі қалай шешіледі?")),
          new Intent(
              "ZHER_AMANATY",
              4,
              List.of(
                  "Какая роль сельского акима в комиссии по возврату земель?",
                  "Может ли аким сельского округа сам инициировать изъятие неиспользуемой земли?"),
              List.of("Жерді қайтару комиссиясында ауыл әкімінің рөлі қандай?")),
          // «Из города – в село»: rural development pilot
          new Intent(
              "FROM_CITY_TO_VILLAGE",
              13,
              List.of(
                  "Когда отремонтируют дорогу до нашего села?",
                  "Будет ли ремонт внутрипоселковых дорог в рамках проекта «Из города – в село»?",
                  "Дорога до районного центра в ужасном состоянии, когда её включат в план ремонта?"),
              List.of(
                  "Ауылымызға баратын жол қашан жөнделеді?",
                  "«Қаладан ауылға» жобасы аясында ауыл ішіндегі жолдар жөндеріле ме?")),
          new Intent(
              "FROM_CITY_TO_VILLAGE",
              11,
              List.of(
                  "Как встать в очередь на жильё в селе и когда дадут дома очередникам?",
                  "Будут ли ещё строить дома для очередников, как те 758 домов?",
                  "Что нужно, чтобы получить жильё по проекту, если семья давно стоит в очереди?"),
              List.of(
                  "Кезекте тұрғандарға үй қашан беріледі?",
                  "Ауылда баспана кезегіне қалай тұруға болады?")),
          new Intent(
              "FROM_CITY_TO_VILLAGE",
              6,
              List.of(
                  "По каким критериям отбирают сёла для пилотного проекта «Из города – в село»?",
                  "Как наше село может попасть в пилотный проект?"),
              List.of(
                  "«Қаладан ауылға» пилоттық жобасына ауылдар қалай іріктеледі?",
                  "Біздің ауыл пилоттық жобаға қалай енеді?")),
          new Intent(
              "FROM_CITY_TO_VILLAGE",
              5,
              List.of(
                  "Когда построят новую школу или медпункт в селе?",
                  "Планируется ли строительство ФАПа и детского сада в нашем округе?"),
              List.of("Ауылда жаңа мектеп пен медпункт қашан салынады?")),
          new Intent(
              "FROM_CITY_TO_VILLAGE",
              4,
              List.of(
                  "Когда в село проведут центральное водоснабжение?",
                  "Есть ли в проекте средства на водопровод для малых сёл?"),
              List.of("Ауылға орталықтандырылған ауыз су қашан тартылады?")),
          // «Вместе с народом!»: the party programme and its road maps
          new Intent(
              "WITH_THE_PEOPLE",
              9,
              List.of(
                  "Где можно посмотреть, как выполняется дорожная карта по ЗКО?",
                  "Почему дорожная карта области выполнена только на 24 процента?",
                  "Как отслеживать исполнение пунктов дорожной карты программы партии?"),
              List.of(
                  "Жол картасының орындалу барысын қайдан көруге болады?",
                  "Облыстың жол картасы неге тек 24 пайызға орындалған?")),
          new Intent(
              "WITH_THE_PEOPLE",
              6,
              List.of(
                  "Как сельскому округу внести свои предложения в дорожную карту?",
                  "Можно ли включить проблемы нашего села в дорожную карту партии?"),
              List.of("Ауылдық округтің ұсыныстарын жол картасына қалай енгізуге болады?")),
          new Intent(
              "WITH_THE_PEOPLE",
              4,
              List.of(
                  "Кто отвечает, если пункт дорожной карты не выполнен в срок?",
                  "Какая ответственность за срыв мероприятий программы «Вместе с народом»?"),
              List.of("Жол картасының тармағы мерзімінде орындалмаса, кім жауап береді?")),
          // Other: internet, the 4th-level budget, procurement, civil service, local government
          new Intent(
              "OTHER",
              12,
              List.of(
                  "Когда в сёлах улучшат мобильный интернет?",
                  "В нашем селе нет нормального интернета, есть ли план подключения?",
                  "Что делается для 357 сёл с плохой связью и интернетом?"),
              List.of(
                  "Ауылда интернет қашан жақсарады?",
                  "Біздің ауылда интернет нашар, қосу жоспары бар ма?")),
          new Intent(
              "OTHER",
              9,
              List.of(
                  "Как формируется бюджет четвёртого уровня и какие доходы остаются в сельском округе?",
                  "Каких средств хватит сельскому акиму из бюджета 4 уровня на благоустройство?",
                  "Будут ли увеличены собственные доходы бюджета сельского округа?"),
              List.of(
                  "Төртінші деңгейлі бюджет қалай қалыптасады?",
                  "Ауылдық округ бюджетінің өз кірістері көбейе ме?")),
          new Intent(
              "OTHER",
              7,
              List.of(
                  "Что изменилось в новом законе о государственных закупках для сельских акиматов?",
                  "Как теперь проводить госзакупки в аппарате акима сельского округа?"),
              List.of(
                  "Мемлекеттік сатып алу туралы жаңа заңда не өзгерді?",
                  "Ауылдық округ әкімі аппаратында сатып алуды енді қалай жүргізу керек?")),
          new Intent(
              "OTHER",
              5,
              List.of(
                  "Планируется ли повышение зарплаты сотрудникам аппаратов сельских акимов?",
                  "Как поднять престиж госслужбы в селе, если зарплаты низкие?"),
              List.of("Ауыл әкімі аппараты қызметкерлерінің жалақысы көтеріле ме?")),
          new Intent(
              "OTHER",
              4,
              List.of(
                  "Будут ли объединять малые сельские округа?",
                  "Планируются ли изменения административно-территориального деления района?"),
              List.of("Шағын ауылдық округтер біріктіріле ме?")),
          new Intent(
              "OTHER",
              3,
              List.of(
                  "Какие полномочия получат собрания местного сообщества?",
                  "Как будет развиваться местное самоуправление на уровне села?"),
              List.of("Жергілікті қоғамдастық жиналысына қандай өкілеттік беріледі?")));

  private static final List<String> RU_GREETINGS =
      List.of("Здравствуйте! ", "Добрый день. ", "Вопрос: ", "Уважаемые спикеры, ");
  private static final List<String> KK_GREETINGS =
      List.of("Сәлеметсіз бе! ", "Қайырлы күн. ", "Сұрақ: ");
  private static final List<String> RU_TAILS =
      List.of(" Спасибо.", " Для нашего округа это очень актуально.", " Прошу разъяснить.");
  private static final List<String> KK_TAILS =
      List.of(" Рахмет.", " Түсіндіріп берсеңіз.", " Біздің округ үшін өзекті мәселе.");

  private DemoQuestions() {}

  /** A question in {@code preferredLanguage} most of the time, on an intent drawn by weight. */
  static Question next(Random random, String preferredLanguage) {
    Intent intent = drawIntent(random);
    String language = random.nextInt(100) < 85 ? preferredLanguage : other(preferredLanguage);
    List<String> phrasings = language.equals("kk") ? intent.kk() : intent.ru();
    String text = vary(random, DemoParticipants.pick(random, phrasings), language);
    return new Question(intent.project(), language, text);
  }

  private static Intent drawIntent(Random random) {
    int total = INTENTS.stream().mapToInt(Intent::weight).sum();
    int r = random.nextInt(total);
    for (Intent intent : INTENTS) {
      r -= intent.weight();
      if (r < 0) {
        return intent;
      }
    }
    return INTENTS.get(INTENTS.size() - 1);
  }

  /** Greeting, tail, case, one typo, punctuation: the noise of real typed questions. */
  static String vary(Random random, String text, String language) {
    String s = text;
    if (random.nextInt(100) < 12) {
      s = DemoParticipants.pick(random, language.equals("kk") ? KK_GREETINGS : RU_GREETINGS) + s;
    }
    if (random.nextInt(100) < 12) {
      s = s + DemoParticipants.pick(random, language.equals("kk") ? KK_TAILS : RU_TAILS);
    }
    if (random.nextInt(100) < 10) {
      s = typo(random, s);
    }
    int p = random.nextInt(100);
    if (p < 12) {
      s = s.replace("?", "");
    } else if (p < 18) {
      s = s.replace("?", "??");
    } else if (p < 22) {
      s = s.replace("«", "\"").replace("»", "\"");
    }
    int c = random.nextInt(100);
    if (c < 8) {
      s = s.toLowerCase(Locale.ROOT);
    } else if (c < 18) {
      s = Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
    return s.trim();
  }

  /** Swaps two neighbouring letters inside one longer word. */
  private static String typo(Random random, String s) {
    String[] words = s.split(" ");
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      if (words[i].length() > 5 && words[i].chars().allMatch(Character::isLetter)) {
        candidates.add(i);
      }
    }
    if (candidates.isEmpty()) {
      return s;
    }
    int w = DemoParticipants.pick(random, candidates);
    char[] chars = words[w].toCharArray();
    int i = 1 + random.nextInt(chars.length - 2);
    char t = chars[i];
    chars[i] = chars[i + 1];
    chars[i + 1] = t;
    words[w] = new String(chars);
    return String.join(" ", words);
  }

  private static String other(String language) {
    return language.equals("kk") ? "ru" : "kk";
  }
}
