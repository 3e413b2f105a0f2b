package kz.forumpulse.localstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * About 150 made-up but plausible participants of a ZKO forum of rural akims: mostly rural akims
 * (nearly all elected, nearly all party members), then maslikhat deputies, party officials, akimat
 * staff and a few guests, spread over every district the forum offers. Deterministic for a given
 * seed.
 */
final class DemoParticipants {

  /** One registration request body plus what the question generator needs to know. */
  record Participant(
      String fullName,
      String role,
      String district,
      String ruralDistrict,
      boolean elected,
      boolean partyMember,
      String phone,
      String email,
      String language) {

    Map<String, Object> body() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("fullName", fullName);
      m.put("role", role);
      m.put("district", district);
      m.put("ruralDistrict", ruralDistrict);
      m.put("elected", elected);
      m.put("partyMember", partyMember);
      m.put("phone", phone);
      m.put("email", email);
      m.put("consent", true);
      m.put("language", language);
      return m;
    }
  }

  static final String AKIM = "RURAL_AKIM";
  static final String DEPUTY = "MASLIKHAT_DEPUTY";
  static final String PARTY = "PARTY_OFFICIAL";
  static final String STAFF = "AKIMAT_STAFF";
  static final String GUEST = "GUEST";

  /** Rural districts (сельские округа) per district code; unknown codes get generic names. */
  private static final Map<String, List<String>> RURAL_DISTRICTS =
      Map.ofEntries(
          Map.entry(
              "AKZHAIYK",
              List.of(
                  "Чапаевский",
                  "Алгабасский",
                  "Бударинский",
                  "Тайпакский",
                  "Базартобинский",
                  "Жамбылский",
                  "Коныртерекский",
                  "Мергеневский")),
          Map.entry(
              "BAITEREK",
              List.of(
                  "Переметненский",
                  "Дарьинский",
                  "Январцевский",
                  "Трекинский",
                  "Мичуринский",
                  "Кушумский",
                  "Белесский",
                  "Щаповский",
                  "Макаровский")),
          Map.entry(
              "BOKEIORDA",
              List.of(
                  "Сайхинский",
                  "Муратсайский",
                  "Бисенский",
                  "Уялинский",
                  "Орлинский",
                  "Ханкольский")),
          Map.entry(
              "BURLIN",
              List.of(
                  "Бумакольский",
                  "Жарсуатский",
                  "Кызылталский",
                  "Пугачевский",
                  "Приуральный",
                  "Успеновский",
                  "Канайский")),
          Map.entry(
              "ZHANGALA",
              List.of(
                  "Жангалинский",
                  "Копжасарский",
                  "Мастексайский",
                  "Пятимарский",
                  "Жанаказанский",
                  "Бирликский")),
          Map.entry(
              "ZHANIBEK",
              List.of(
                  "Жанибекский",
                  "Борсинский",
                  "Камыстинский",
                  "Таловский",
                  "Куйгенкольский",
                  "Узункольский")),
          Map.entry(
              "KAZTALOV",
              List.of(
                  "Казталовский",
                  "Жалпактальский",
                  "Караобинский",
                  "Болашакский",
                  "Акпатерский",
                  "Бостандыкский",
                  "Талдыапанский",
                  "Кошанкольский")),
          Map.entry(
              "KARATOBE",
              List.of(
                  "Каратобинский",
                  "Саралжинский",
                  "Шоктыкольский",
                  "Коскольский",
                  "Сулыкольский",
                  "Аккозинский")),
          Map.entry(
              "SYRYM",
              List.of(
                  "Жымпитинский",
                  "Булдуртинский",
                  "Жырыкудукский",
                  "Кособинский",
                  "Аралтобинский",
                  "Тоганасский",
                  "Талдыбулакский")),
          Map.entry(
              "TASKALA",
              List.of(
                  "Таскалинский",
                  "Мерейский",
                  "Чижинский",
                  "Амангельдинский",
                  "Достыкский",
                  "Косшинский")),
          Map.entry(
              "TEREKTI",
              List.of(
                  "Федоровский",
                  "Подстепновский",
                  "Анкатинский",
                  "Богдановский",
                  "Долинский",
                  "Новопавловский",
                  "Покатиловский",
                  "Приречный",
                  "Шагатайский")),
          Map.entry(
              "SHYNGYRLAU",
              List.of(
                  "Шынгырлауский",
                  "Алмазненский",
                  "Ахматский",
                  "Карагашский",
                  "Кентубекский",
                  "Полтавский")),
          Map.entry("URALSK", List.of("Круглоозерновский", "Деркульский", "Зачаганский")));

  private static final List<String> KZ_MALE =
      List.of(
          "Ерлан",
          "Нурлан",
          "Асхат",
          "Бауыржан",
          "Серик",
          "Марат",
          "Ержан",
          "Талгат",
          "Даурен",
          "Канат",
          "Айдос",
          "Руслан",
          "Жандос",
          "Бекжан",
          "Азамат",
          "Берик",
          "Мурат",
          "Галымжан",
          "Адилет",
          "Нурболат",
          "Ербол",
          "Самат",
          "Жасулан",
          "Мейрам",
          "Кайрат",
          "Аскар",
          "Бахытжан",
          "Арман",
          "Алибек",
          "Досжан",
          "Максат",
          "Темирлан");
  private static final List<String> KZ_FEMALE =
      List.of(
          "Айгуль",
          "Гульнара",
          "Жанар",
          "Динара",
          "Салтанат",
          "Асель",
          "Айжан",
          "Мадина",
          "Гульмира",
          "Сауле",
          "Жибек",
          "Назерке",
          "Айнур",
          "Алия",
          "Ботагоз",
          "Индира",
          "Шолпан",
          "Меруерт");
  private static final List<String> KZ_SURNAMES =
      List.of(
          "Ахметов",
          "Сарсенов",
          "Жумабаев",
          "Кенжегалиев",
          "Утегенов",
          "Искалиев",
          "Мукашев",
          "Нургалиев",
          "Сагингалиев",
          "Каиргалиев",
          "Есенгалиев",
          "Бисенов",
          "Тлеуов",
          "Имангалиев",
          "Култаев",
          "Байменов",
          "Дуйсенов",
          "Турегалиев",
          "Молдагалиев",
          "Мендыгалиев",
          "Жаксыбаев",
          "Габдуллин",
          "Шамшидинов",
          "Абилов",
          "Куанышев",
          "Нурмуханов",
          "Тажиев",
          "Айтмухамбетов",
          "Сулейменов",
          "Ермеков",
          "Джумагалиев",
          "Калиев");
  private static final List<String> RU_MALE =
      List.of("Сергей", "Андрей", "Александр", "Владимир", "Николай", "Дмитрий", "Виктор", "Игорь");
  private static final List<String> RU_FEMALE =
      List.of("Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана");
  private static final List<String> RU_SURNAMES =
      List.of(
          "Иванов",
          "Петров",
          "Кузнецов",
          "Смирнов",
          "Волков",
          "Морозов",
          "Лебедев",
          "Соколов",
          "Федоров",
          "Ковалев",
          "Гончаров",
          "Белов");

  /** Male and female patronymic from one father's name. */
  private static final List<String[]> RU_PATRONYMICS =
      List.of(
          new String[] {"Сергеевич", "Сергеевна"},
          new String[] {"Александрович", "Александровна"},
          new String[] {"Владимирович", "Владимировна"},
          new String[] {"Николаевич", "Николаевна"},
          new String[] {"Петрович", "Петровна"},
          new String[] {"Иванович", "Ивановна"},
          new String[] {"Викторович", "Викторовна"},
          new String[] {"Михайлович", "Михайловна"});

  private static final List<String> MOBILE_PREFIXES =
      List.of("701", "702", "705", "707", "747", "771", "775", "776", "777", "778");

  private DemoParticipants() {}

  /** Generates the 150 participants over the given district codes (as the forum returned them). */
  static List<Participant> generate(Random random, List<String> districtCodes) {
    List<String> rural = districtCodes.stream().filter(c -> !c.equals("URALSK")).toList();
    List<String> ruralOrAll = rural.isEmpty() ? districtCodes : rural;
    List<Participant> out = new ArrayList<>();
    // 100 rural akims, 95 of them elected by popular vote, ~95% party members.
    for (int i = 0; i < 100; i++) {
      String district = ruralOrAll.get(i % ruralOrAll.size());
      out.add(person(random, AKIM, district, i >= 5, random.nextInt(100) < 95, 0.12));
    }
    // 22 maslikhat deputies, 12 party officials, 10 akimat staff, 6 guests: from every district.
    for (int i = 0; i < 22; i++) {
      out.add(
          person(
              random, DEPUTY, pick(random, districtCodes), false, random.nextInt(100) < 80, 0.2));
    }
    for (int i = 0; i < 12; i++) {
      out.add(
          person(random, PARTY, districtCodes.get(i % districtCodes.size()), false, true, 0.15));
    }
    for (int i = 0; i < 10; i++) {
      out.add(
          person(
              random, STAFF, pick(random, districtCodes), false, random.nextInt(100) < 60, 0.25));
    }
    for (int i = 0; i < 6; i++) {
      out.add(
          person(random, GUEST, pick(random, districtCodes), false, random.nextInt(100) < 30, 0.3));
    }
    java.util.Collections.shuffle(out, random);
    return out;
  }

  private static Participant person(
      Random random,
      String role,
      String district,
      boolean elected,
      boolean party,
      double russianShare) {
    boolean russian = random.nextDouble() < russianShare;
    boolean female = random.nextInt(100) < (role.equals(AKIM) ? 12 : 40);
    String name;
    if (russian) {
      String surname = pick(random, RU_SURNAMES) + (female ? "а" : "");
      String first = pick(random, female ? RU_FEMALE : RU_MALE);
      String patronymic = pick(random, RU_PATRONYMICS)[female ? 1 : 0];
      name = surname + " " + first + " " + patronymic;
    } else {
      String surname = pick(random, KZ_SURNAMES);
      if (female && (surname.endsWith("ов") || surname.endsWith("ев") || surname.endsWith("ин"))) {
        surname = surname + "а";
      }
      String first = pick(random, female ? KZ_FEMALE : KZ_MALE);
      String father = pick(random, KZ_MALE);
      name = surname + " " + first + " " + father + (female ? "овна" : "ович");
    }
    List<String> names =
        RURAL_DISTRICTS.getOrDefault(district, List.of("Центральный", "Степной", "Озерный"));
    String ruralDistrict =
        role.equals(AKIM) || role.equals(DEPUTY) || random.nextBoolean()
            ? pick(random, names) + " сельский округ"
            : null;
    String phone =
        String.format(
            Locale.ROOT,
            "+7 %s %03d %02d %02d",
            pick(random, MOBILE_PREFIXES),
            random.nextInt(1000),
            random.nextInt(100),
            random.nextInt(100));
    String email =
        (role.equals(STAFF) || role.equals(PARTY)) && random.nextBoolean()
            ? role.toLowerCase(Locale.ROOT).replace('_', '.')
                + "."
                + district.toLowerCase(Locale.ROOT)
                + random.nextInt(100)
                + "@example.kz"
            : null;
    String language = russian || random.nextInt(100) < 45 ? "ru" : "kk";
    return new Participant(
        name, role, district, ruralDistrict, elected, party, phone, email, language);
  }

  static <T> T pick(Random random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
