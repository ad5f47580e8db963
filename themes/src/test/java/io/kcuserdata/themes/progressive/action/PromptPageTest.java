package io.kcuserdata.themes.progressive.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.themes.progressive.CollectedAttribute;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromptPageTest {

  @Nested
  class AnUndeclaredField {

    @ParameterizedTest
    @CsvSource({
      "profile.website, url",
      "profile.picture, url",
      "profile.profile, url",
      "profile.birthdate, date",
      "profile.zoneinfo, text",
      "profile.nickname, text",
      "user_metadata.website, text",
      "phone, text"
    })
    void isAnInputOfItsClaimsFormat(String attribute, String inputType) {
      assertThat(PromptPage.formatInputType(CollectedAttribute.parse(attribute)))
          .isEqualTo(inputType);
    }
  }
}
