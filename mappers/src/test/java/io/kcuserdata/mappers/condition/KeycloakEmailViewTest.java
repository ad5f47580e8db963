package io.kcuserdata.mappers.condition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Keycloak 26's own verdict, which the condition falls back to when no mapper ran. */
class KeycloakEmailViewTest {

  private static final String A = "a@example.com";

  @Nested
  class AsKeycloak {

    @Test
    void withoutTrustEmailNothingIsVerified() {
      assertThat(KeycloakEmailView.verified(false, true, A, A, false)).isFalse();
      assertThat(KeycloakEmailView.verified(false, null, null, A, false)).isFalse();
    }

    @Test
    void withTrustEmailTheTokensEmailVerifiedClaimDecidesWhenPresent() {
      assertThat(KeycloakEmailView.verified(true, true, A, A, false)).isTrue();
      assertThat(KeycloakEmailView.verified(true, false, A, A, false)).isFalse();
      assertThat(KeycloakEmailView.verified(true, "TRUE", A, A, false)).isTrue();
      assertThat(KeycloakEmailView.verified(true, "yes", A, A, false)).isFalse();
    }

    @Test
    void withTrustEmailAMissingClaimCountsAsVerifiedAsInKeycloak() {
      assertThat(KeycloakEmailView.verified(true, null, null, A, false)).isTrue();
      assertThat(KeycloakEmailView.verified(true, null, "other@example.com", A, false)).isTrue();
    }

    @Test
    void noAddressOrAnAddressTypedOnTheReviewPageIsNeverVerified() {
      assertThat(KeycloakEmailView.verified(true, true, A, null, false)).isFalse();
      assertThat(KeycloakEmailView.verified(true, true, A, " ", false)).isFalse();
      assertThat(KeycloakEmailView.verified(true, true, A, A, true)).isFalse();
    }
  }

  /** Stricter than Keycloak 26.7 (CVE-2026-14781). */
  @Nested
  class TheTokensClaimCountsOnlyForTheAddressTheTokenNames {

    @Test
    void aYesForTheIdTokensAddressDoesNotVerifyAnotherAddressFromUserinfo() {
      assertThat(KeycloakEmailView.verified(true, true, "mallory@upstream.test", A, false))
          .isFalse();
    }

    @Test
    void aYesInATokenNamingNoAddressVerifiesNone() {
      assertThat(KeycloakEmailView.verified(true, true, null, A, false)).isFalse();
      assertThat(KeycloakEmailView.verified(true, true, 42, A, false)).isFalse();
    }

    @Test
    void theSameAddressMatchesWithoutRegardToCaseOrSurroundingSpace() {
      assertThat(KeycloakEmailView.verified(true, true, " A@Example.com", A, false)).isTrue();
    }
  }
}
