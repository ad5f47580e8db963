package io.kcuserdata.core.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kcuserdata.core.error.InvalidUserDataException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NamespaceTest {

  private static void refusedAt(String name, String where) {
    assertThatThrownBy(() -> Namespace.parse(name))
        .isInstanceOfSatisfying(
            InvalidUserDataException.class, e -> assertThat(e.where()).isEqualTo(where));
  }

  @Nested
  class Parsing {

    @ParameterizedTest
    @CsvSource({
      "profile,       PROFILE",
      "user_metadata, USER_METADATA",
      "custom_data,   CUSTOM_DATA",
      "app_metadata,  APP_METADATA",
      "status,        STATUS"
    })
    void everyUnscopedNamespaceParsesByItsName(String name, NamespaceKind kind) {
      Namespace namespace = Namespace.parse(name);

      assertThat(namespace.kind()).isEqualTo(kind);
      assertThat(namespace.alias()).isNull();
      assertThat(namespace.name()).isEqualTo(name);
    }

    @Test
    void scopedNamespacesCarryTheirAlias() {
      assertThat(Namespace.parse("idp.google")).isEqualTo(Namespace.idp("google"));
      assertThat(Namespace.parse("org.acme")).isEqualTo(Namespace.org("acme"));
      assertThat(Namespace.parse("org.acme").alias()).isEqualTo("acme");
    }

    @Test
    void parsingGivesBackTheConstants() {
      assertThat(Namespace.parse("custom_data")).isEqualTo(Namespace.CUSTOM_DATA);
      assertThat(Namespace.parse("status")).isEqualTo(Namespace.STATUS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "Profile", "custom-data", "custom_data.plan", "status.x"})
    void unknownNamesAreRefusedNamingThem(String name) {
      refusedAt(name, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"idp", "org"})
    void aScopedKindWithoutAliasIsRefused(String name) {
      refusedAt(name, name);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingNameIsRefused(String name) {
      refusedAt(name, "(namespace)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"idp.", "idp.a.b", "idp._x", "idp.-x", "org.a b", "org.é"})
    void malformedAliasesAreRefusedNamingTheNamespace(String name) {
      refusedAt(name, name);
    }
  }

  @Nested
  class Aliases {

    @ParameterizedTest
    @ValueSource(strings = {"g", "9lives", "my-idp", "my_idp", "ACME"})
    void aliasesStartWithALetterOrDigit(String alias) {
      assertThat(Namespace.idp(alias).alias()).isEqualTo(alias);
    }

    @Test
    void anAliasHoldsAtMostOneHundredCharacters() {
      assertThat(Namespace.org("a".repeat(100)).alias()).hasSize(100);
      assertThatThrownBy(() -> Namespace.org("a".repeat(101)))
          .isInstanceOf(InvalidUserDataException.class);
    }

    @Test
    void aScopedKindNeedsAnAliasAndAnUnscopedOneTakesNone() {
      assertThatIllegalArgumentException().isThrownBy(() -> new Namespace(NamespaceKind.IDP, null));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Namespace(NamespaceKind.CUSTOM_DATA, "x"));
    }
  }

  @Nested
  class Naming {

    @Test
    void theNameJoinsKindAndAliasWithADot() {
      assertThat(Namespace.idp("google").name()).isEqualTo("idp.google");
      assertThat(Namespace.APP_METADATA.name()).isEqualTo("app_metadata");
      assertThat(Namespace.org("acme")).hasToString("org.acme");
    }

    @Test
    void attributesOfANamespaceStartWithItsNameAndADot() {
      assertThat(Namespace.USER_METADATA.attributePrefix()).isEqualTo("user_metadata.");
      assertThat(Namespace.org("acme").attributePrefix()).isEqualTo("org.acme.");
    }

    @Test
    void namespacesSortByKindThenAlias() {
      List<Namespace> namespaces =
          new ArrayList<>(
              List.of(
                  Namespace.STATUS,
                  Namespace.org("b"),
                  Namespace.idp("z"),
                  Namespace.org("a"),
                  Namespace.PROFILE,
                  Namespace.idp("a"),
                  Namespace.CUSTOM_DATA));
      Collections.shuffle(namespaces);
      Collections.sort(namespaces);

      assertThat(namespaces)
          .extracting(Namespace::name)
          .containsExactly("profile", "custom_data", "idp.a", "idp.z", "org.a", "org.b", "status");
    }
  }
}
