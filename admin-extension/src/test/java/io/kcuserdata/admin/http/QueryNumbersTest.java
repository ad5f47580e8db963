package io.kcuserdata.admin.http;

import static io.kcuserdata.admin.testing.ApiErrors.invalidRequest;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryNumbersTest {

  @Test
  void anAbsentOrEmptyParameterTakesTheDefault() {
    assertThat(QueryNumbers.of("max", null, 20)).isEqualTo(20);
    assertThat(QueryNumbers.of("max", " ", 20)).isEqualTo(20);
  }

  @Test
  void aWholeNumberIsRead() {
    assertThat(QueryNumbers.of("first", " 40 ", 0)).isEqualTo(40);
    assertThat(QueryNumbers.of("first", "-1", 0)).isEqualTo(-1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1e2", "1.5", "99999999999", "0x10"})
  void anythingElseIsA400NamingTheParameter(String value) {
    assertThat(invalidRequest(() -> QueryNumbers.of("max", value, 20)))
        .isEqualTo("max must be a whole number");
  }
}
