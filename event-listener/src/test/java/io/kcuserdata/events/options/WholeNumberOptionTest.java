package io.kcuserdata.events.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WholeNumberOptionTest {

  private static int read(Map<String, String> options) {
    return WholeNumberOption.read(new MapScope(options), "userdata-x", "window-ms", 7, 0, 100);
  }

  @Test
  void isTheFallbackWhenNotSet() {
    assertThat(read(Map.of())).isEqualTo(7);
  }

  @Test
  void isAcceptedAtTheEndsOfItsRange() {
    assertThat(read(Map.of("window-ms", "0"))).isZero();
    assertThat(read(Map.of("window-ms", "100"))).isEqualTo(100);
  }

  @Test
  void outOfRangeStopsTheServerNamingProviderOptionAndRange() {
    assertThatThrownBy(() -> read(Map.of("window-ms", "101")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userdata-x: window-ms must be from 0 to 100, not '101'");
  }

  @Test
  void notANumberGetsTheSameClearMessage() {
    assertThatThrownBy(() -> read(Map.of("window-ms", "1s")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userdata-x: window-ms must be from 0 to 100, not '1s'");
  }
}
