package io.kcuserdata.events.webhooks.catalog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PayloadExtraTest {

  @Nested
  class WhatAnEndpointAsksFor {

    @Test
    void appMetadataOnlyWithIncludeAppMetadata() {
      assertThat(PayloadExtra.askedFor(true)).containsExactly(PayloadExtra.APP_METADATA);
      assertThat(PayloadExtra.askedFor(false)).isEmpty();
    }
  }

  @Nested
  class WhatAStoredPayloadCarries {

    @Test
    void appMetadataWhenTheUserHasIt() {
      assertThat(
              PayloadExtra.carriedBy(
                  "{\"type\":\"user.login\",\"data\":{\"user\":{\"id\":\"u\","
                      + "\"app_metadata\":{\"role\":\"x\"}},\"details\":{}}}"))
          .containsExactly(PayloadExtra.APP_METADATA);
    }

    @Test
    void nothingWhenTheNameAppearsElsewhere() {
      assertThat(
              PayloadExtra.carriedBy(
                  "{\"type\":\"user.data.updated\",\"data\":{\"user\":{\"id\":\"u\"},"
                      + "\"details\":{\"app_metadata\":\"x\",\"namespaces\":\"app_metadata\"}}}"))
          .isEmpty();
      assertThat(PayloadExtra.carriedBy("not json")).isEmpty();
    }

    @Test
    void whatPayloadWriterWritesForAnEndpointThatAskedAndNothingForOneThatDidNot() {
      String asked = new String(PayloadWriter.write(Payloads.login(), true), UTF_8);
      String plain = new String(PayloadWriter.write(Payloads.login(), false), UTF_8);

      assertThat(PayloadExtra.carriedBy(asked)).containsExactly(PayloadExtra.APP_METADATA);
      assertThat(like(PayloadExtra.APP_METADATA.storedPattern()).matcher(asked).matches()).isTrue();
      assertThat(PayloadExtra.carriedBy(plain)).isEmpty();
      assertThat(like(PayloadExtra.APP_METADATA.storedPattern()).matcher(plain).matches())
          .isFalse();
    }
  }

  @Nested
  class TheStoredPattern {

    @Test
    void escapesTheUnderscoreSoItMatchesTheMemberNameOnly() {
      String pattern = PayloadExtra.APP_METADATA.storedPattern();

      assertThat(pattern).isEqualTo("%\"app!_metadata\":%");
      assertThat(like(pattern).matcher("{\"appXmetadata\":1}").matches()).isFalse();
      assertThat(like(pattern).matcher("{\"user\":{\"app_metadata\":{}}}").matches()).isTrue();
    }
  }

  /** SQL LIKE with {@code !} as the escape character, as a regular expression. */
  private static Pattern like(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '!') {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
