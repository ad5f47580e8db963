package io.kcuserdata.core.profile;

import static io.kcuserdata.core.json.JsonText.json;
import static io.kcuserdata.core.json.JsonText.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kcuserdata.core.document.UserDataDocument;
import io.kcuserdata.core.error.InvalidUserDataException;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.schema.SchemaViolation;
import io.kcuserdata.core.schema.SchemaViolationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DataWritesTest {

  private static final UserDataDocument EMPTY = new UserDataDocument(Map.of());

  @Nested
  class Patches {

    @Test
    void oneValueIsAStringSeveralAnArrayNoneARemoval() {
      Map<String, List<String>> writes = new LinkedHashMap<>();
      writes.put("profile.nickname", List.of("Ada"));
      writes.put("user_metadata.colours", List.of("red", "blue"));
      writes.put("user_metadata.old", List.of());

      assertThat(DataWrites.patch(writes, EMPTY))
          .isEqualTo(
              json(
                  "{\"profile\":{\"nickname\":\"Ada\"},"
                      + "\"user_metadata\":{\"colours\":[\"red\",\"blue\"],\"old\":null}}"));
    }

    @Test
    void aKeyStoredAsJsonStaysJsonWhenTheTextParses() {
      UserDataDocument stored =
          new UserDataDocument(Map.of(Namespace.USER_METADATA, object("{\"seats\":3}")));

      assertThat(DataWrites.patch(Map.of("user_metadata.seats", List.of("4")), stored))
          .isEqualTo(json("{\"user_metadata\":{\"seats\":4}}"));
      assertThat(DataWrites.patch(Map.of("user_metadata.seats", List.of("four")), stored))
          .isEqualTo(json("{\"user_metadata\":{\"seats\":\"four\"}}"));
    }

    @Test
    void aMarkerOrLookalikeIsNeverWritten() {
      assertThatThrownBy(() -> DataWrites.patch(Map.of("profile._json", List.of("x")), EMPTY))
          .isInstanceOf(InvalidUserDataException.class);
    }
  }

  @Nested
  class Errors {

    @Test
    void aViolationIsShownAtItsField() {
      SchemaViolationException refusal =
          new SchemaViolationException(
              List.of(new SchemaViolation("user_metadata", "/team", "must be one of a, b")));

      assertThat(DataWrites.errors(refusal, List.of("user_metadata.team")))
          .containsExactly(Map.entry("user_metadata.team", List.of("must be one of a, b")));
    }

    @Test
    void aViolationOfAFieldNotInTheFormIsShownAtTheNamespacesFirstField() {
      SchemaViolationException refusal =
          new SchemaViolationException(
              List.of(new SchemaViolation("user_metadata", "/team", "required")));

      assertThat(DataWrites.errors(refusal, List.of("profile.nickname", "user_metadata.city")))
          .containsOnlyKeys("user_metadata.city");
    }

    @Test
    void aRuleIsShownAtTheKeyItNames() {
      InvalidUserDataException refusal =
          new InvalidUserDataException("profile.shoe_size", "profile holds the OIDC claims");

      assertThat(DataWrites.errors(refusal, List.of("profile.shoe_size")))
          .containsOnlyKeys("profile.shoe_size");
    }

    @Test
    void aRuleWithKeycloaksMessageKeyIsShownAsThatKeySoTheFormTranslatesIt() {
      InvalidUserDataException refusal =
          new InvalidUserDataException("profile.website", "Invalid URL.", "error-invalid-uri");

      assertThat(DataWrites.errors(refusal, List.of("profile.website")))
          .containsExactly(Map.entry("profile.website", List.of("error-invalid-uri")));
    }
  }
}
