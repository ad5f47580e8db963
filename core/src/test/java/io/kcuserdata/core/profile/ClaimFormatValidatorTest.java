package io.kcuserdata.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

class ClaimFormatValidatorTest {

  private final ClaimFormatValidator validator = new ClaimFormatValidator();

  private List<String> messages(Object input, String attribute, ValidatorConfig config) {
    return messages(input, attribute, config, null);
  }

  private List<String> messages(
      Object input, String attribute, ValidatorConfig config, UserModel user) {
    ValidationContext context = new ValidationContext();
    if (user != null) {
      context.getAttributes().put(UserModel.class.getName(), user);
    }
    return validator.validate(input, attribute, context, config).getErrors().stream()
        .map(ValidationError::getMessage)
        .toList();
  }

  /** A user holding {@code values} in {@code attribute}, as far as the validator asks. */
  private static UserModel userWith(String attribute, String... values) {
    return (UserModel)
        Proxy.newProxyInstance(
            UserModel.class.getClassLoader(),
            new Class<?>[] {UserModel.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getAttributeStream") && attribute.equals(args[0])) {
                return Stream.of(values);
              }
              if (method.getName().equals("getAttributeStream")) {
                return Stream.empty();
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  @Nested
  class OnAProfileClaim {

    @Test
    void refusesAWebsiteThatIsNotAUrlWithKeycloaksMessageKey() {
      assertThat(messages(List.of("not a url"), "profile.website", ValidatorConfig.EMPTY))
          .containsExactly("error-invalid-uri");
    }

    @Test
    void takesAUrl() {
      assertThat(
              messages(List.of("https://ally.example"), "profile.website", ValidatorConfig.EMPTY))
          .isEmpty();
    }

    @Test
    void checksEachClaimByItsOwnFormat() {
      assertThat(messages(List.of("1990-02-30"), "profile.birthdate", ValidatorConfig.EMPTY))
          .containsExactly("error-invalid-date");
      assertThat(messages(List.of("Mars/Olympus"), "profile.zoneinfo", ValidatorConfig.EMPTY))
          .containsExactly("error-invalid-value");
    }

    @Test
    void leavesAnEmptyValueToTheRequiredRule() {
      assertThat(messages(List.of(""), "profile.website", ValidatorConfig.EMPTY)).isEmpty();
      assertThat(messages(List.of(), "profile.website", ValidatorConfig.EMPTY)).isEmpty();
    }

    @Test
    void refusesSeveralValuesForAClaimThatIsOneString() {
      assertThat(
              messages(
                  List.of("https://a.example", "https://b.example"),
                  "profile.website",
                  ValidatorConfig.EMPTY))
          .containsExactly("error-invalid-uri");
    }

    @Test
    void doesNotRefuseAgainTheValueTheUserHasAlready() {
      UserModel stored = userWith("profile.website", "not a url");

      assertThat(messages(List.of("not a url"), "profile.website", ValidatorConfig.EMPTY, stored))
          .isEmpty();
      assertThat(messages(List.of("still not"), "profile.website", ValidatorConfig.EMPTY, stored))
          .containsExactly("error-invalid-uri");
    }
  }

  @Nested
  class OnOtherAttributes {

    @Test
    void checksNothingWithoutAConfiguredFormat() {
      assertThat(messages(List.of("not a url"), "website", ValidatorConfig.EMPTY)).isEmpty();
      assertThat(messages(List.of("not a url"), "profile.nickname", ValidatorConfig.EMPTY))
          .isEmpty();
      assertThat(messages(List.of("not a url"), "user_metadata.website", ValidatorConfig.EMPTY))
          .isEmpty();
    }

    @Test
    void checksTheConfiguredFormat() {
      ValidatorConfig locale = new ValidatorConfig(Map.of("format", "locale"));

      assertThat(messages(List.of("en_US"), "language", locale))
          .containsExactly("error-invalid-value");
      assertThat(messages(List.of("en-US"), "language", locale)).isEmpty();
    }

    @Test
    void anUnknownFormatIsRefusedWhenTheAdminSavesIt() {
      assertThat(
              validator
                  .validateConfig(null, new ValidatorConfig(Map.of("format", "colour")))
                  .isValid())
          .isFalse();
      assertThat(
              validator
                  .validateConfig(null, new ValidatorConfig(Map.of("format", "date")))
                  .isValid())
          .isTrue();
    }
  }
}
