package io.kcuserdata.claims.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kcuserdata.core.namespace.Namespace;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the answer is read from and put, and which user data is sent along. */
class ClaimTargetConfigTest {

  /** A valid config with one setting added. */
  private static ExternalClaimsConfig parse(String key, String value) {
    return ExternalClaimsConfig.parse(
        Map.of(ExternalClaimsConfig.URL, "https://claims.example.com/v1/claims", key, value));
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      String key, String value) {
    return assertThatThrownBy(() -> parse(key, value)).isInstanceOf(InvalidConfigException.class);
  }

  @Nested
  class ClaimNames {

    @ParameterizedTest
    @ValueSource(strings = {"sub", "iss", "realm_access.x", "scope", "organization.acme", "cnf"})
    void aReservedFirstPartIsRefused(String name) {
      String first = name.split("\\.")[0];
      assertRefused("claim.name", name)
          .hasMessageStartingWith("Token claim name may not be " + first + ":");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a..b", ".a", "a.", "."})
    void emptyPartsAreRefused(String name) {
      assertRefused("claim.name", name)
          .hasMessage("Token claim name has an empty part: no leading, trailing or double dots.");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "acme",
          "acme.data",
          "x.sub",
          "https://acme\\.com/claims",
          "sub_info",
          "a\\..b",
          "a\\."
        })
    void otherNamesAreAccepted(String name) {
      assertThat(parse("claim.name", name).claimName()).isEqualTo(name);
    }
  }

  @Nested
  class ResponsePathAndNamespaces {

    @Test
    void aResponsePathIsParsed() {
      assertThat(parse("response.path", "data.claims").responsePath()).hasToString("data.claims");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a..b", "a[x]", "[0]", "a."})
    void aMalformedResponsePathIsReported(String path) {
      assertRefused("response.path", path).hasMessageStartingWith("Response path: ");
    }

    @Test
    void namespacesAreReadInOrderWithoutDuplicatesOrBlanks() {
      assertThat(
              parse("context.namespaces", " custom_data, org.acme,,custom_data ")
                  .contextNamespaces())
          .containsExactly(Namespace.CUSTOM_DATA, Namespace.org("acme"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nope", "org", "org.", "idp.a.b"})
    void unknownNamespacesAreRefused(String name) {
      assertRefused("context.namespaces", "custom_data," + name)
          .hasMessageStartingWith("Context namespaces: \"" + name + "\" is not a namespace");
    }
  }
}
