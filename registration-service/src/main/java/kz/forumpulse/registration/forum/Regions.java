package kz.forumpulse.registration.forum;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Regions a forum can be held in, with their districts. West Kazakhstan (ZKO) is the region of the
 * first forum: twelve districts and the city of Uralsk.
 */
final class Regions {

  static final String ZKO = "ZKO";

  private static final Map<String, List<District>> DISTRICTS =
      Map.of(
          ZKO,
          List.of(
              new District("AKZHAIYK", "Акжаикский район", "Ақжайық ауданы"),
              new District("BAITEREK", "Байтерекский район", "Бәйтерек ауданы"),
              new District("BOKEIORDA", "Бокейординский район", "Бөкей ордасы ауданы"),
              new District("BURLIN", "Бурлинский район", "Бөрлі ауданы"),
              new District("ZHANGALA", "Жангалинский район", "Жаңақала ауданы"),
              new District("ZHANIBEK", "Жанибекский район", "Жәнібек ауданы"),
              new District("KAZTALOV", "Казталовский район", "Қазталов ауданы"),
              new District("KARATOBE", "Каратобинский район", "Қаратөбе ауданы"),
              new District("SYRYM", "Сырымский район", "Сырым ауданы"),
              new District("TASKALA", "Таскалинский район", "Тасқала ауданы"),
              new District("TEREKTI", "Теректинский район", "Теректі ауданы"),
              new District("SHYNGYRLAU", "Шынгырлауский район", "Шыңғырлау ауданы"),
              new District("URALSK", "город Уральск", "Орал қаласы")));

  private Regions() {}

  static Optional<List<District>> districtsOf(String regionCode) {
    return Optional.ofNullable(DISTRICTS.get(regionCode));
  }
}
