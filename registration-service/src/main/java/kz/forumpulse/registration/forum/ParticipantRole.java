package kz.forumpulse.registration.forum;

/** Who a participant is at the forum; the codes are part of the attendee event contract. */
public enum ParticipantRole {
  RURAL_AKIM("Сельский аким", "Ауыл әкімі"),
  MASLIKHAT_DEPUTY("Депутат маслихата", "Мәслихат депутаты"),
  PARTY_OFFICIAL("Представитель партии", "Партия өкілі"),
  AKIMAT_STAFF("Сотрудник акимата", "Әкімдік қызметкері"),
  GUEST("Гость", "Қонақ");

  private final String nameRu;
  private final String nameKk;

  ParticipantRole(String nameRu, String nameKk) {
    this.nameRu = nameRu;
    this.nameKk = nameKk;
  }

  public String nameRu() {
    return nameRu;
  }

  public String nameKk() {
    return nameKk;
  }

  public static boolean isValid(String code) {
    for (ParticipantRole role : values()) {
      if (role.name().equals(code)) {
        return true;
      }
    }
    return false;
  }
}
