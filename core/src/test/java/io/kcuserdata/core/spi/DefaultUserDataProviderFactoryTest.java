package io.kcuserdata.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.error.InvalidUserDataException;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.net.OutboundUse;
import io.kcuserdata.core.schema.SchemaCheck;
import io.kcuserdata.core.storage.InMemoryUserAttributes;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;

class DefaultUserDataProviderFactoryTest {

  private static DefaultUserDataProviderFactory initialized(Map<String, String> options) {
    DefaultUserDataProviderFactory factory = new DefaultUserDataProviderFactory();
    factory.init(new MapScope(options));
    return factory;
  }

  private static void write(DefaultUserDataProviderFactory factory, String patch) {
    factory
        .service()
        .patch(
            Caller.admin(),
            new InMemoryUserAttributes(),
            Set.of(),
            Json.parseOrNull(patch),
            null,
            SchemaCheck.NONE);
  }

  @Nested
  class WithoutOptions {

    @Test
    void usesTheContractsLimits() {
      DefaultUserDataProviderFactory factory = initialized(Map.of());

      write(factory, "{\"custom_data\":{\"d\":[[[[[[[1]]]]]]]}}");
      assertThatThrownBy(() -> write(factory, "{\"custom_data\":{\"d\":[[[[[[[[1]]]]]]]]}}"))
          .isInstanceOf(InvalidUserDataException.class);
    }
  }

  @Nested
  class WithOptions {

    @Test
    void maxDepthChangesTheDepthLimit() {
      DefaultUserDataProviderFactory factory = initialized(Map.of("max-depth", "2"));

      write(factory, "{\"custom_data\":{\"d\":[1]}}");
      assertThatThrownBy(() -> write(factory, "{\"custom_data\":{\"d\":[[1]]}}"))
          .hasMessageContaining("deeper than 2");
    }

    @Test
    void maxNamespaceBytesChangesTheSizeLimit() {
      DefaultUserDataProviderFactory factory = initialized(Map.of("max-namespace-bytes", "1024"));

      assertThatThrownBy(
              () -> write(factory, "{\"custom_data\":{\"s\":\"" + "x".repeat(1100) + "\"}}"))
          .hasMessageContaining("larger than 1024 bytes");
    }

    @Test
    void anOutOfRangeValueStopsTheServerWithTheReason() {
      assertThatThrownBy(() -> initialized(Map.of("max-depth", "0")))
          .hasMessageContaining("max depth must be within 1..64");
    }
  }

  @Test
  void describesItsOptionsForTheServerInfoPage() {
    assertThat(new DefaultUserDataProviderFactory().getConfigMetadata())
        .extracting(p -> p.getName())
        .containsExactly(
            "max-depth",
            "max-namespace-bytes",
            "outbound-allow-list",
            "webhooks-outbound-allow-list",
            "claims-outbound-allow-list",
            "secret-key");
  }

  @Nested
  class SecretKey {

    private static final String KEY = "KioqKioqKioqKioqKioqKioqKioqKioqKioqKioqKio=";

    @Test
    void isUnsetByDefaultSoEachRealmsAesKeySeals() {
      DefaultUserDataProviderFactory factory = initialized(Map.of());

      assertThat(factory.create(null).operatorKey()).isEmpty();
      assertThat(factory.getOperationalInfo())
          .containsEntry("secret-key", "(not set: each realm's own AES key)");
    }

    @Test
    void isReadOnceAndShownByItsKeyIdOnly() {
      DefaultUserDataProviderFactory factory = initialized(Map.of("secret-key", KEY));

      String kid = factory.create(null).operatorKey().orElseThrow().kid();
      assertThat(kid).startsWith("op-");
      assertThat(factory.getOperationalInfo())
          .containsEntry("secret-key", "(set: key id " + kid + ")");
      assertThat(factory.getOperationalInfo().toString()).doesNotContain(KEY);
    }

    @Test
    void isMarkedSecretForTheServerInfoPage() {
      assertThat(new DefaultUserDataProviderFactory().getConfigMetadata())
          .filteredOn(p -> p.getName().equals("secret-key"))
          .singleElement()
          .matches(p -> p.isSecret());
    }

    @Test
    void thatIsNotThirtyTwoBytesOfBase64StopsTheServerNamingTheOptionNotTheValue() {
      String shortKey = "c2hvcnQta2V5";

      assertThatThrownBy(() -> initialized(Map.of("secret-key", shortKey)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--spi-userdata--default--secret-key")
          .hasMessageContaining("32 bytes")
          .hasMessageNotContaining(shortKey);
    }
  }

  @Nested
  class OutboundAllowList {

    @Test
    void isEmptyByDefaultSoEveryPrivateAddressIsRefused() {
      DefaultUserDataProviderFactory factory = initialized(Map.of());

      for (OutboundUse use : OutboundUse.values()) {
        assertThat(factory.create(null).outboundGuard(use).allowList().isEmpty()).isTrue();
      }
      assertThat(factory.getOperationalInfo())
          .containsEntry("outbound-allow-list", "(none)")
          .containsEntry("webhooks-outbound-allow-list", "(none)")
          .containsEntry("claims-outbound-allow-list", "(none)");
    }

    @Test
    void letsTheListedHostsAndNetworksThrough() {
      DefaultUserDataProviderFactory factory =
          initialized(Map.of("outbound-allow-list", "claims.internal.example,10.20.0.0/16"));

      for (OutboundUse use : OutboundUse.values()) {
        assertThat(
                factory
                    .create(null)
                    .outboundGuard(use)
                    .allowList()
                    .allowsHost("claims.internal.example"))
            .as(use.option())
            .isTrue();
      }
      assertThat(factory.getOperationalInfo().get("outbound-allow-list"))
          .contains("claims.internal.example")
          .contains("10.20.0.0/16");
    }

    @Test
    void aBadEntryStopsTheServerWithTheReason() {
      assertThatThrownBy(() -> initialized(Map.of("outbound-allow-list", "http://x.example/")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a URL");
    }
  }

  @Nested
  class OneAllowListPerUse {

    @Test
    void aUsesOwnListReplacesTheSharedOneForThatUseOnly() {
      DefaultUserDataProviderFactory factory =
          initialized(
              Map.of(
                  "outbound-allow-list", "claims.internal.example",
                  "webhooks-outbound-allow-list", "hooks.internal.example"));
      UserDataProvider provider = factory.create(null);

      assertThat(provider.outboundGuard(OutboundUse.WEBHOOKS).allowList().toString())
          .isEqualTo("hooks.internal.example");
      assertThat(provider.outboundGuard(OutboundUse.CLAIMS).allowList().toString())
          .isEqualTo("claims.internal.example");
      assertThat(factory.getOperationalInfo())
          .containsEntry("webhooks-outbound-allow-list", "hooks.internal.example")
          .containsEntry(
              "claims-outbound-allow-list", "claims.internal.example (outbound-allow-list)");
    }

    @Test
    void noneAllowsThatUseNothingWhateverTheSharedListSays() {
      DefaultUserDataProviderFactory factory =
          initialized(
              Map.of(
                  "outbound-allow-list", "10.0.0.0/8",
                  "webhooks-outbound-allow-list", "none"));

      assertThat(factory.create(null).outboundGuard(OutboundUse.WEBHOOKS).allowList().isEmpty())
          .isTrue();
      assertThat(factory.create(null).outboundGuard(OutboundUse.CLAIMS).allowList().isEmpty())
          .isFalse();
      assertThat(factory.getOperationalInfo())
          .containsEntry("webhooks-outbound-allow-list", "(none)");
    }

    @Test
    void aBadEntryInAUsesListStopsTheServerNamingTheOption() {
      assertThatThrownBy(() -> initialized(Map.of("claims-outbound-allow-list", "10.0.0.0/99")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("claims-outbound-allow-list: ")
          .hasMessageContaining("10.0.0.0/99");
    }
  }

  /**
   * Keycloak's configuration of one provider, as the options give it; Keycloak's own {@code
   * AbstractScope} does the conversions.
   */
  private static final class MapScope extends Config.AbstractScope {
    private final Map<String, String> options;

    MapScope(Map<String, String> options) {
      this.options = options;
    }

    @Override
    public String get(String key) {
      return options.get(key);
    }

    @Override
    public Config.Scope scope(String... scope) {
      return this;
    }

    @Override
    public Set<String> getPropertyNames() {
      return options.keySet();
    }

    @Override
    public Config.Scope root() {
      return this;
    }
  }
}
