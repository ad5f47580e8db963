package io.kcuserdata.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StatusKeyTest {

  @Test
  void everyKeyIsStoredAsAnAttributeUnderTheStatusNamespace() {
    assertThat(StatusKey.LOGIN_COUNT.attribute()).isEqualTo("status.login_count");
    assertThat(Arrays.stream(StatusKey.values()).map(StatusKey::attribute))
        .allMatch(name -> name.startsWith("status."));
  }

  @Test
  void keysFollowTheDesignsSnakeCaseNames() {
    assertThat(Arrays.stream(StatusKey.values()).map(StatusKey::key))
        .containsExactly(
            "last_login_at",
            "last_login_ip",
            "login_count",
            "suspended_at",
            "suspended_reason",
            "suspended_by",
            "suspended_via",
            "blocked_clients",
            "profile_prompt");
  }

  @Nested
  class WhatTheUserSeesOfTheirOwnStatus {

    @Test
    void isTheirSignInRecordAndWhenTheyWereSuspended() throws Exception {
      ObjectNode status =
          (ObjectNode)
              Json.MAPPER.readTree(
                  "{\"last_login_at\":\"2026-12-01T10:00:00.000Z\",\"last_login_ip\":\"10.0.0.1\","
                      + "\"login_count\":3,\"suspended_at\":\"2026-12-02T10:00:00.000Z\"}");

      assertThat(StatusKey.subjectView(status)).isEqualTo(status);
    }

    @Test
    void leavesOutAdminNotesFingerprintsAndKeysThePackDoesNotName() throws Exception {
      ObjectNode status =
          (ObjectNode)
              Json.MAPPER.readTree(
                  "{\"login_count\":3,\"suspended_reason\":\"fraud suspected\","
                      + "\"suspended_by\":\"u-1\",\"suspended_via\":\"acme\","
                      + "\"blocked_clients\":[\"app\"],\"profile_prompt\":{\"shown\":1},"
                      + "\"idp_sync\":{\"upstream\":{\"app_metadata.tier\":\"h1:abc\"}},"
                      + "\"later_key\":true}");

      assertThat(StatusKey.subjectView(status).toString()).isEqualTo("{\"login_count\":3}");
    }

    @Test
    void isACopyThatLeavesTheStoredStatusAsItWas() throws Exception {
      ObjectNode status = (ObjectNode) Json.MAPPER.readTree("{\"login_count\":3,\"x\":1}");

      StatusKey.subjectView(status).put("login_count", 99);

      assertThat(status.toString()).isEqualTo("{\"login_count\":3,\"x\":1}");
    }
  }
}
