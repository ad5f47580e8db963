package io.kcuserdata.mappers.email;

import static io.kcuserdata.mappers.email.VerifiedClaimTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerifiedFlagTest {

  @Test
  void jsonBooleansAreTheFlag() {
    assertThat(VerifiedFlag.of(json("true"))).isEqualTo(VerifiedFlag.TRUE);
    assertThat(VerifiedFlag.of(json("false"))).isEqualTo(VerifiedFlag.FALSE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"true\"", "\"TRUE\"", "\" true \""})
  void theStringTrueCountsAsTrueBecauseSomeProvidersSendStrings(String value) {
    assertThat(VerifiedFlag.of(json(value))).isEqualTo(VerifiedFlag.TRUE);
  }

  @Test
  void theStringFalseCountsAsFalse() {
    assertThat(VerifiedFlag.of(json("\"false\""))).isEqualTo(VerifiedFlag.FALSE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "0", "\"yes\"", "\"\"", "{\"v\":true}", "[true]"})
  void anythingElseIsInvalidAndNeverAYes(String value) {
    assertThat(VerifiedFlag.of(json(value))).isEqualTo(VerifiedFlag.INVALID);
  }

  @Test
  void absentOrNullIsMissing() {
    assertThat(VerifiedFlag.of(null)).isEqualTo(VerifiedFlag.MISSING);
    assertThat(VerifiedFlag.of(json("null"))).isEqualTo(VerifiedFlag.MISSING);
    assertThat(VerifiedFlag.of(json("{}").get("x"))).isEqualTo(VerifiedFlag.MISSING);
  }

  @Test
  void combiningOrdersFalseThenInvalidThenTrueAndMissingHasNoSay() {
    for (VerifiedFlag flag : VerifiedFlag.values()) {
      assertThat(VerifiedFlag.MISSING.and(flag)).isEqualTo(flag);
      assertThat(flag.and(VerifiedFlag.MISSING)).isEqualTo(flag);
      assertThat(flag.and(VerifiedFlag.FALSE)).isEqualTo(VerifiedFlag.FALSE);
    }
    assertThat(VerifiedFlag.TRUE.and(VerifiedFlag.INVALID)).isEqualTo(VerifiedFlag.INVALID);
    assertThat(VerifiedFlag.INVALID.and(VerifiedFlag.TRUE)).isEqualTo(VerifiedFlag.INVALID);
    assertThat(VerifiedFlag.TRUE.and(VerifiedFlag.TRUE)).isEqualTo(VerifiedFlag.TRUE);
  }
}
