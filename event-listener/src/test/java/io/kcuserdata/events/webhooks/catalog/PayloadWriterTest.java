package io.kcuserdata.events.webhooks.catalog;

import static io.kcuserdata.events.webhooks.catalog.Payloads.AT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadWriterTest {

  private static String written(PayloadData data, boolean includeAppMetadata) {
    return new String(PayloadWriter.write(data, includeAppMetadata), StandardCharsets.UTF_8);
  }

  private static JsonNode tree(PayloadData data, boolean includeAppMetadata) {
    return Json.parseOrNull(written(data, includeAppMetadata));
  }

  @Nested
  class TheBytes {

    @Test
    void areCompactJsonWithMembersInThePublishedOrder() {
      assertThat(written(Payloads.login(), false))
          .isEqualTo(
              "{\"type\":\"user.login\",\"timestamp\":\"2026-11-22T10:00:00.123Z\",\"data\":{"
                  + "\"realm\":{\"id\":\"r-1\",\"name\":\"acme\"},"
                  + "\"user\":{\"id\":\"u-1\",\"username\":\"jdoe\",\"email\":\"jdoe@example.com\","
                  + "\"email_verified\":true,\"first_name\":\"Jane\",\"last_name\":\"Doe\","
                  + "\"enabled\":true,\"created_at\":\"2023-11-14T22:13:20.000Z\"},"
                  + "\"actor\":{\"type\":\"user\",\"id\":\"u-1\",\"username\":\"jdoe\","
                  + "\"client_id\":\"web-app\"},"
                  + "\"client_id\":\"web-app\",\"ip\":\"10.0.0.1\","
                  + "\"details\":{\"auth_method\":\"openid-connect\","
                  + "\"redirect_uri\":\"https://app.example.com/cb\",\"remember_me\":\"false\"}}}");
    }

    @Test
    void areTheSameForTheSameEventWhateverTheDetailsMapOrder() {
      Map<String, Object> reversed = new LinkedHashMap<>();
      List.copyOf(Payloads.loginDetails().keySet()).stream()
          .sorted((a, b) -> b.compareTo(a))
          .forEach(k -> reversed.put(k, Payloads.loginDetails().get(k)));

      assertThat(PayloadWriter.write(Payloads.withDetails(reversed), true))
          .isEqualTo(PayloadWriter.write(Payloads.login(), true));
    }

    @Test
    void areUtf8WithoutEscapingNonAsciiText() {
      UserSummary zoe = new UserSummary("u-2", "zoë", null, null, "Zoë", null, null, null, null);

      assertThat(PayloadWriter.write(Payloads.withUser(Payloads.login(), zoe), false))
          .containsSequence("\"first_name\":\"Zoë\"".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Nested
  class NullMembers {

    @Test
    void areLeftOutAtEveryLevelAndDetailsIsAlwaysThere() {
      PayloadData ping =
          new PayloadData(
              WebhookEventType.PING, AT, "r-1", null, null, Actor.system(), null, null, null, null);

      assertThat(written(ping, true))
          .isEqualTo(
              "{\"type\":\"ping\",\"timestamp\":\"2026-11-22T10:00:00.123Z\",\"data\":{"
                  + "\"realm\":{\"id\":\"r-1\"},\"actor\":{\"type\":\"system\"},\"details\":{}}}");
    }

    @Test
    void leaveAUserKnownByIdAloneAsJustItsId() {
      JsonNode user =
          tree(Payloads.minimalOf(WebhookEventType.USER_DELETED), true).at("/data/user");

      assertThat(Json.compact(user)).isEqualTo("{\"id\":\"u-1\"}");
    }
  }

  @Nested
  class AppMetadata {

    @Test
    void isSentOnlyWhenTheEndpointAsksForIt() {
      assertThat(tree(Payloads.login(), true).at("/data/user/app_metadata/tier").asText())
          .isEqualTo("gold");
      assertThat(tree(Payloads.login(), false).at("/data/user").has("app_metadata")).isFalse();
    }

    @Test
    void isLeftOutWhenTheUserHasNoneEvenIfAsked() {
      PayloadData data = Payloads.withUser(Payloads.login(), UserSummary.ofId("u-1"));

      assertThat(tree(data, true).at("/data/user").has("app_metadata")).isFalse();
    }

    @Test
    void isCopiedSoLaterChangesToTheUserDoNotLeakIn() {
      PayloadData data = Payloads.login();
      byte[] before = PayloadWriter.write(data, true);
      JsonNode written = tree(data, true);
      data.user().appMetadata().put("tier", "platinum");

      assertThat(written.at("/data/user/app_metadata/tier").asText()).isEqualTo("gold");
      assertThat(before).isNotEqualTo(PayloadWriter.write(data, true));
    }
  }

  @Nested
  class CredentialishDetails {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "password",
          "new_Password",
          "client_secret",
          "token_id",
          "refresh_token_id",
          "credential_value",
          "code_id",
          "Authorization_CODE"
        })
    void areDropped(String key) {
      JsonNode details =
          tree(Payloads.withDetails(Map.of(key, "x", "kept", "y")), false).at("/data/details");

      assertThat(details.has(key)).isFalse();
      assertThat(details.get("kept").asText()).isEqualTo("y");
    }

    @Test
    void exceptCredentialTypeWhichOnlyNamesTheKind() {
      JsonNode details =
          tree(Payloads.withDetails(Map.of("credential_type", "password")), false)
              .at("/data/details");

      assertThat(details.get("credential_type").asText()).isEqualTo("password");
    }

    @Test
    void areDroppedInsideNestedObjectsToo() {
      Map<String, Object> changes = Map.of("plan", "pro", "promo_code", "X", "api_secret", "s");
      JsonNode details =
          tree(Payloads.withDetails(Map.of("changes", List.of(changes))), false)
              .at("/data/details");

      assertThat(Json.compact(details)).isEqualTo("{\"changes\":[{\"plan\":\"pro\"}]}");
    }
  }

  @Nested
  class Timestamps {

    @Test
    void areUtcWithExactlyThreeFractionDigitsNeverRoundedUp() {
      assertThat(Rfc3339.format(Instant.parse("2026-11-22T23:59:59.999999Z")))
          .isEqualTo("2026-11-22T23:59:59.999Z");
      assertThat(Rfc3339.format(Instant.parse("2026-11-22T10:00:00Z")))
          .isEqualTo("2026-11-22T10:00:00.000Z");
    }

    @Test
    void giveTheUsersCreationTimeFromItsEpochMilliseconds() {
      assertThat(tree(Payloads.login(), false).at("/data/user/created_at").asText())
          .isEqualTo("2023-11-14T22:13:20.000Z");
    }

    @Test
    void writeInstantDetailValuesTheSameWay() {
      JsonNode details =
          tree(Payloads.withDetails(Map.of("at", Instant.ofEpochMilli(0))), false)
              .at("/data/details");

      assertThat(details.get("at").asText()).isEqualTo("1970-01-01T00:00:00.000Z");
    }
  }
}
