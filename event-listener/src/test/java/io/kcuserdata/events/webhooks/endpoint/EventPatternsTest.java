package io.kcuserdata.events.webhooks.endpoint;

import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.ORGANIZATION_MEMBER_ADDED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.PING;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_DATA_UPDATED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_LOGIN;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_LOGOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kcuserdata.events.webhooks.catalog.WebhookEventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventPatternsTest {

  private static EventPatterns parse(String... patterns) {
    return EventPatterns.parse(Arrays.asList(patterns));
  }

  @Nested
  class Parsing {

    @ParameterizedTest
    @ValueSource(strings = {"user.login", "ping", "user.*", "user.data.*", "organization.*", "*"})
    void acceptsExactNamesPrefixWildcardsAndTheStar(String pattern) {
      assertThat(parse(pattern).patterns()).containsExactly(pattern);
    }

    @Test
    void stripsSurroundingWhitespace() {
      assertThat(parse("  user.login\t").patterns()).containsExactly("user.login");
    }

    @Test
    void collapsesDuplicatesKeepingTheFirstOrder() {
      assertThat(parse("user.logout", "user.login", " user.logout ", "user.login").patterns())
          .containsExactly("user.logout", "user.login");
    }

    @Test
    void refusesAMissingOrEmptyList() {
      assertThatThrownBy(() -> EventPatterns.parse(null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at least one");
      assertThatThrownBy(() -> EventPatterns.parse(List.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at least one");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"user.nope", "USER.LOGIN", "user", "user*", ".*", "*.*", "user.login.*"})
    void refusesWhatMatchesNoEventTypeNamingIt(String pattern) {
      assertThatThrownBy(() -> parse("user.login", pattern))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + pattern + "'")
          .hasMessageContaining("match no event type")
          .hasMessageNotContaining("'user.login'");
    }

    @Test
    void namesEveryBadEntryAtOnce() {
      assertThatThrownBy(() -> parse("user.nope", "user.login", "org.*"))
          .hasMessageContaining("'user.nope'")
          .hasMessageContaining("'org.*'");
    }

    @Test
    void refusesBlankAndNullEntriesShowingThemAsEmpty() {
      List<String> raw = new ArrayList<>(List.of("user.login", "  "));
      raw.add(null);
      assertThatThrownBy(() -> EventPatterns.parse(raw))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("['', '']");
    }

    @Test
    void cutsAVeryLongBadEntryInTheMessage() {
      String longPattern = "x".repeat(10_000);
      assertThatThrownBy(() -> parse(longPattern))
          .hasMessageContaining("x".repeat(64) + "…")
          .hasMessageNotContaining("x".repeat(65));
    }
  }

  @Nested
  class Storage {

    @Test
    void isCommaSeparated() {
      assertThat(parse("user.*", "organization.member_added").stored())
          .isEqualTo("user.*,organization.member_added");
    }

    @Test
    void roundTripsThroughTheStoredForm() {
      EventPatterns parsed = parse("user.login", "organization.*", "user.data.*");

      EventPatterns read = EventPatterns.fromStored(parsed.stored());

      assertThat(read.patterns()).isEqualTo(parsed.patterns());
      assertThat(read.stored()).isEqualTo(parsed.stored());
    }

    @Test
    void givesAnUnmodifiableList() {
      assertThatThrownBy(() -> parse("*").patterns().add("user.login"))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Nested
  class Matching {

    @ParameterizedTest
    @EnumSource(WebhookEventType.class)
    void theStarMatchesEverything(WebhookEventType type) {
      assertThat(parse("*").matches(type)).isTrue();
    }

    @Test
    void pingAlwaysMatches() {
      assertThat(parse("user.login").matches(PING)).isTrue();
      assertThat(parse("organization.*").matches(PING)).isTrue();
    }

    @Test
    void anExactNameMatchesOnlyItself() {
      EventPatterns patterns = parse("user.login");

      assertThat(patterns.matches(USER_LOGIN)).isTrue();
      assertThat(patterns.matches(USER_LOGOUT)).isFalse();
    }

    @Test
    void userWildcardMatchesUserEventsButNotOrganizationEvents() {
      EventPatterns patterns = parse("user.*");

      assertThat(patterns.matches(USER_LOGIN)).isTrue();
      assertThat(patterns.matches(USER_DATA_UPDATED)).isTrue();
      assertThat(patterns.matches(ORGANIZATION_MEMBER_ADDED)).isFalse();
    }

    @Test
    void organizationWildcardMatchesOrganizationEventsOnly() {
      EventPatterns patterns = parse("organization.*");

      assertThat(patterns.matches(ORGANIZATION_MEMBER_ADDED)).isTrue();
      assertThat(patterns.matches(USER_LOGIN)).isFalse();
    }

    @Test
    void aNestedWildcardMatchesItsSubtree() {
      EventPatterns patterns = parse("user.data.*");

      assertThat(patterns.matches(USER_DATA_UPDATED)).isTrue();
      assertThat(patterns.matches(USER_LOGIN)).isFalse();
    }

    @Test
    void anyOfSeveralPatternsIsEnough() {
      EventPatterns patterns = parse("user.logout", "organization.*");

      assertThat(patterns.matches(USER_LOGOUT)).isTrue();
      assertThat(patterns.matches(ORGANIZATION_MEMBER_ADDED)).isTrue();
      assertThat(patterns.matches(USER_LOGIN)).isFalse();
    }

    @Test
    void matchesTheSameAfterAStorageRoundTrip() {
      EventPatterns read = EventPatterns.fromStored(parse("user.data.*", "user.login").stored());

      assertThat(read.matches(USER_DATA_UPDATED)).isTrue();
      assertThat(read.matches(USER_LOGIN)).isTrue();
      assertThat(read.matches(USER_LOGOUT)).isFalse();
    }
  }
}
