package io.kcuserdata.mappers.condition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keycloak 26's own verdict, which the condition falls back to when no mapper ran. */
class KeycloakEmailViewTest {

  @Test
  void withoutTrustEmailNothingIsVerified() {
    assertThat(KeycloakEmailView.verified(false, true, true, false)).isFalse();
    assertThat(KeycloakEmailView.verified(false, null, true, false)).isFalse();
  }

  @Test
  void withTrustEmailTheTokensEmailVerifiedClaimDecidesWhenPresent() {
    assertThat(KeycloakEmailView.verified(true, true, true, false)).isTrue();
    assertThat(KeycloakEmailView.verified(true, false, true, false)).isFalse();
    assertThat(KeycloakEmailView.verified(true, "TRUE", true, false)).isTrue();
    assertThat(KeycloakEmailView.verified(true, "yes", true, false)).isFalse();
  }

  @Test
  void withTrustEmailAMissingClaimCountsAsVerifiedAsInKeycloak() {
    assertThat(KeycloakEmailView.verified(true, null, true, false)).isTrue();
  }

  @Test
  void noAddressOrAnAddressTypedOnTheReviewPageIsNeverVerified() {
    assertThat(KeycloakEmailView.verified(true, true, false, false)).isFalse();
    assertThat(KeycloakEmailView.verified(true, true, true, true)).isFalse();
  }
}
