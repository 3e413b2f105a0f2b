package kz.forumpulse.support.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LeastRecentlyUsedTest {

  @Test
  void dropsWhatWasUsedLeastRecentlyOnceFull() {
    Map<String, Integer> map = LeastRecentlyUsed.map(3);
    map.put("a", 1);
    map.put("b", 2);
    map.put("c", 3);
    map.get("a"); // read: now the most recent
    map.put("d", 4);

    assertThat(map).containsOnlyKeys("a", "c", "d");
    map.put("c", 30); // written: the most recent too, so "a" is now the least recent
    map.put("e", 5);
    assertThat(map).containsOnlyKeys("c", "d", "e");
  }

  @Test
  void refusesANonsenseBound() {
    assertThatThrownBy(() -> LeastRecentlyUsed.map(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
