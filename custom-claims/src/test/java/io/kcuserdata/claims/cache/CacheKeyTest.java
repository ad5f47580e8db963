package io.kcuserdata.claims.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CacheKeyTest {

  private static final Set<String> NOT_KEYED =
      Set.of("session_id", "grant_type", "token_type", "lightweight");

  /** A body as the mapper sends it. */
  private static ObjectNode body() {
    return (ObjectNode)
        Json.parseOrNull(
            "{\"realm\":\"acme\",\"client_id\":\"app\",\"grant_type\":\"password\","
                + "\"scope\":\"openid organization\",\"token_type\":\"access\","
                + "\"lightweight\":false,\"requested_audience\":[],\"session_id\":\"s-1\","
                + "\"organization\":{\"id\":\"o-1\",\"alias\":\"acme-corp\",\"name\":\"Acme\"},"
                + "\"user\":{\"id\":\"u-1\",\"username\":\"alice\",\"email\":\"a@x.test\","
                + "\"email_verified\":true,\"custom_data\":{\"plan\":\"pro\"}}}");
  }

  private static CacheKey key(ObjectNode body) {
    return CacheKey.of("mapper-1 config", "token", body, NOT_KEYED);
  }

  private static CacheKey changed(Consumer<ObjectNode> change) {
    ObjectNode body = body();
    change.accept(body);
    return key(body);
  }

  @Nested
  class Changes {

    @Test
    void toTheOrganizationMakeAnotherKey() {
      assertThat(changed(b -> b.withObject("/organization").put("id", "o-2")))
          .isNotEqualTo(key(body()));
      assertThat(changed(b -> b.putNull("organization"))).isNotEqualTo(key(body()));
    }

    @Test
    void toTheRequestedAudienceMakeAnotherKey() {
      assertThat(changed(b -> b.withArray("requested_audience").add("billing-api")))
          .isNotEqualTo(key(body()));
    }

    @Test
    void toTheUserTheClientOrTheScopeMakeAnotherKey() {
      assertThat(changed(b -> b.withObject("/user").put("id", "u-2"))).isNotEqualTo(key(body()));
      assertThat(changed(b -> b.withObject("/user").put("email_verified", false)))
          .isNotEqualTo(key(body()));
      assertThat(changed(b -> b.put("client_id", "other"))).isNotEqualTo(key(body()));
      assertThat(changed(b -> b.put("scope", "openid"))).isNotEqualTo(key(body()));
      assertThat(changed(b -> b.put("realm", "other"))).isNotEqualTo(key(body()));
    }

    @Test
    void toTheNamespacesSentMakeAnotherKey() {
      assertThat(changed(b -> b.withObject("/user/custom_data").put("plan", "team")))
          .isNotEqualTo(key(body()));
      assertThat(changed(b -> b.withObject("/user").remove("custom_data")))
          .isNotEqualTo(key(body()));
    }

    @Test
    void toAMemberAddedToTheBodyLaterMakeAnotherKey() {
      assertThat(changed(b -> b.put("acr", "2"))).isNotEqualTo(key(body()));
    }

    @Test
    void toTheConfigOrTheTokenFamilyMakeAnotherKey() {
      assertThat(CacheKey.of("mapper-1 other config", "token", body(), NOT_KEYED))
          .isNotEqualTo(key(body()));
      assertThat(CacheKey.of("mapper-1 config", "userinfo", body(), NOT_KEYED))
          .isNotEqualTo(key(body()));
    }
  }

  @Nested
  class TheSameKey {

    @ParameterizedTest
    @ValueSource(strings = {"session_id", "grant_type", "token_type", "lightweight"})
    void whateverTheMembersNamedNotKeyedSay(String member) {
      assertThat(changed(b -> b.put(member, "something else"))).isEqualTo(key(body()));
    }

    @Test
    void whateverTheOrderOfMembers() {
      ObjectNode reordered = Json.object();
      java.util.List<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> members =
          new java.util.ArrayList<>(body().properties());
      java.util.Collections.reverse(members);
      members.forEach(e -> reordered.set(e.getKey(), e.getValue()));

      assertThat(key(reordered)).isEqualTo(key(body()));
    }

    @Test
    void forTheSameBodyTwice() {
      assertThat(key(body())).isEqualTo(key(body()));
      assertThat(key(body()).digest()).hasSize(43);
    }
  }

  @Test
  void isNeverFooledByAMemberWhoseTextLooksLikeTheSeparators() {
    ObjectNode a = Json.object().put("x", "1\",\"y\":\"2");
    ObjectNode b = Json.object().put("x", "1").put("y", "2");

    assertThat(key(a)).isNotEqualTo(key(b));
  }

  @Test
  void leavesTheBodyAsItWas() {
    ObjectNode body = body();

    key(body);

    assertThat(body).isEqualTo(body());
  }
}
