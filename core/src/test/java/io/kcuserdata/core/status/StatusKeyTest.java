package io.kcuserdata.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
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
            "blocked_clients",
            "profile_prompt");
  }
}
