package io.kcuserdata.claims.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.protocol.oidc.token.TokenInterceptorException;

class TokenTypeTest {

  @Nested
  class Names {

    @Test
    void eachTypeHasItsWireName() {
      assertThat(TokenType.ACCESS.wireName()).isEqualTo("access");
      assertThat(TokenType.ID.wireName()).isEqualTo("id");
      assertThat(TokenType.USERINFO.wireName()).isEqualTo("userinfo");
      assertThat(TokenType.INTROSPECTION.wireName()).isEqualTo("introspection");
    }

    @Test
    void tokensAndIntrospectionShareOneCachedAnswerAndUserinfoHasItsOwn() {
      assertThat(TokenType.ACCESS.cacheFamily())
          .isEqualTo(TokenType.ID.cacheFamily())
          .isEqualTo(TokenType.INTROSPECTION.cacheFamily())
          .isEqualTo("token");
      assertThat(TokenType.USERINFO.cacheFamily()).isEqualTo("userinfo");
    }

    @Test
    void onlyAccessAndIdTokensComeFromTheTokenEndpoint() {
      assertThat(TokenType.ACCESS.fromTokenEndpoint()).isTrue();
      assertThat(TokenType.ID.fromTokenEndpoint()).isTrue();
      assertThat(TokenType.USERINFO.fromTokenEndpoint()).isFalse();
      assertThat(TokenType.INTROSPECTION.fromTokenEndpoint()).isFalse();
    }
  }

  /** Only the token endpoint's form: the others need a JAX-RS runtime to build their response. */
  @Nested
  class RefusalsAtTheTokenEndpoint {

    @ParameterizedTest
    @EnumSource(
        value = TokenType.class,
        names = {"ACCESS", "ID"})
    void aDenyIsAccessDeniedWithTheApisDescription(TokenType type) {
      assertThat(TokenRefusal.denied(type, "Account suspended"))
          .isInstanceOfSatisfying(
              TokenInterceptorException.class,
              e -> {
                assertThat(e.getError()).isEqualTo("access_denied");
                assertThat(e.getDescription()).isEqualTo("Account suspended");
              });
    }

    @ParameterizedTest
    @EnumSource(
        value = TokenType.class,
        names = {"ACCESS", "ID"})
    void theDenyPolicyIsTemporarilyUnavailableWithoutTheCause(TokenType type) {
      assertThat(TokenRefusal.unavailable(type))
          .isInstanceOfSatisfying(
              TokenInterceptorException.class,
              e -> {
                assertThat(e.getError()).isEqualTo("temporarily_unavailable");
                assertThat(e.getDescription()).isEqualTo(TokenRefusal.UNAVAILABLE_DESCRIPTION);
              });
    }
  }
}
