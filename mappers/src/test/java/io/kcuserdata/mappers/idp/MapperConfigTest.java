package io.kcuserdata.mappers.idp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MapperConfigTest {

  private static Map<String, String> config(String source, String target) {
    Map<String, String> config = new HashMap<>();
    config.put(MapperConfig.SOURCE, source);
    config.put(MapperConfig.TARGET, target);
    return config;
  }

  @Nested
  class Defaults {

    @Test
    void autoTypeOverwriteAndKeep() throws Exception {
      MapperConfig config = MapperConfig.parse(config("plan", "custom_data.plan"), "github");

      assertThat(config.type()).isEqualTo(ValueType.AUTO);
      assertThat(config.updatePolicy()).isEqualTo(UpdatePolicy.OVERWRITE);
      assertThat(config.onMissing()).isEqualTo(OnMissing.KEEP);
      assertThat(config.target().value()).isEqualTo("custom_data.plan");
    }
  }

  @Nested
  class Refusals {

    @ParameterizedTest
    @CsvSource({
      "status.login_count, target",
      "user_metadata.lang, target",
      "idp.google.sub, target",
      "secrets.x, target",
      "custom_data, target",
      "custom_data.1st, target",
    })
    void forbiddenOrMalformedTargetsNameTheKey(String target, String key) {
      assertThatThrownBy(() -> MapperConfig.parse(config("sub", target), "github"))
          .isInstanceOf(MapperConfig.Invalid.class)
          .hasMessageStartingWith(key + ":");
    }

    @Test
    void aBadPathTypePolicyOrRule() {
      Map<String, String> bad = config("a..b", "custom_data.x");
      assertThatThrownBy(() -> MapperConfig.parse(bad, "github")).hasMessageStartingWith("source:");

      for (String key : new String[] {"value.type", "update.policy", "on.missing"}) {
        Map<String, String> config = config("a", "custom_data.x");
        config.put(key, "sometimes");
        assertThatThrownBy(() -> MapperConfig.parse(config, "github"))
            .hasMessageStartingWith(key + ":");
      }
    }
  }

  @Test
  void aProviderWritesItsOwnIdpNamespace() throws Exception {
    assertThat(MapperConfig.parse(config("sub", "idp.github.sub"), "github").target().value())
        .isEqualTo("idp.github.sub");
  }
}
