package io.kcuserdata.events.webhooks.catalog;

import static io.kcuserdata.events.webhooks.catalog.Payloads.AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.json.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link PayloadWriter}: how each member of the payload is written. */
class PayloadMembersTest {

  private static JsonNode tree(PayloadData data) {
    return PayloadWriter.tree(data, false);
  }

  @Nested
  class OtherMembers {

    @Test
    void keepJsonTypesOfDetailValues() {
      Map<String, Object> details = Map.of("count", 3, "flag", true, "ids", List.of("a", "b"));

      assertThat(Json.compact(tree(Payloads.withDetails(details)).at("/data/details")))
          .isEqualTo("{\"count\":3,\"flag\":true,\"ids\":[\"a\",\"b\"]}");
    }

    @Test
    void dropDetailValuesThatAreNull() {
      Map<String, Object> details = new HashMap<>();
      details.put("reason", null);
      details.put("kept", "yes");

      assertThat(Json.compact(tree(Payloads.withDetails(details)).at("/data/details")))
          .isEqualTo("{\"kept\":\"yes\"}");
    }

    @Test
    void writeOnlyThePublishedOrganizationMembersInOrder() {
      PayloadData added = Payloads.fullOf(WebhookEventType.ORGANIZATION_MEMBER_ADDED);
      added.organization().put("internal", "no");

      assertThat(Json.compact(tree(added).at("/data/organization")))
          .isEqualTo("{\"id\":\"o-1\",\"alias\":\"acme\",\"name\":\"Acme Inc.\"}");
    }

    @Test
    void nameTheAdminsOwnRealmForAnAdminActor() {
      JsonNode actor = tree(Payloads.fullOf(WebhookEventType.USER_UPDATED)).at("/data/actor");

      assertThat(Json.compact(actor))
          .isEqualTo(
              "{\"type\":\"admin\",\"id\":\"a-1\",\"username\":\"admin\","
                  + "\"client_id\":\"admin-cli\",\"realm\":\"master\"}");
    }

    @Test
    void requireATypeAndATimestamp() {
      assertThatNullPointerException()
          .isThrownBy(
              () -> new PayloadData(null, AT, "r", "n", null, null, null, null, null, null));
      assertThatNullPointerException()
          .isThrownBy(
              () ->
                  new PayloadData(
                      WebhookEventType.PING, null, "r", "n", null, null, null, null, null, null));
    }
  }
}
