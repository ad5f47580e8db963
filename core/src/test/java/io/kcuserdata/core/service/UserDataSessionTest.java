package io.kcuserdata.core.service;

import static io.kcuserdata.core.json.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.schema.SchemaCheck;
import io.kcuserdata.core.schema.SchemaCompiler;
import io.kcuserdata.core.schema.SchemaTarget;
import io.kcuserdata.core.schema.SchemaViolationException;
import io.kcuserdata.core.storage.InMemoryUserAttributes;
import io.kcuserdata.core.validation.Limits;
import io.kcuserdata.core.validation.NamespaceRules;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UserDataSessionTest {

  private static final SchemaCompiler COMPILER = new SchemaCompiler();
  private static final String PLAN =
      "{\"properties\":{\"plan\":{\"enum\":[\"free\",\"pro\"]}},\"required\":[\"plan\"]}";

  /** custom_data must match PLAN; org.* must hold a string role. */
  private static final SchemaCheck SCHEMAS =
      (namespace, content) -> {
        Map<String, String> by =
            Map.of(
                "custom_data", PLAN, "org.*", "{\"properties\":{\"role\":{\"type\":\"string\"}}}");
        return SchemaTarget.governing(namespace).stream()
            .filter(t -> by.containsKey(t.name()))
            .flatMap(
                t -> COMPILER.compile(by.get(t.name())).check(namespace.name(), content).stream())
            .toList();
      };

  private final UserDataSession session =
      new UserDataSession(new UserDataService(new NamespaceRules(Limits.DEFAULTS)));
  private final InMemoryUserAttributes stored = new InMemoryUserAttributes();
  private final UserDataSession.Subject user =
      new UserDataSession.Subject("realm/user", stored, () -> Set.of("acme"));

  @Nested
  class Reading {

    @Test
    void aUserIsDecodedOncePerSession() {
      stored.with("custom_data.plan", "pro");

      session.read(user);
      session.read(user);
      session.read(user);

      assertThat(stored.reads()).isEqualTo(1);
    }

    @Test
    void aWriteReplacesTheKeptDocument() {
      stored.with("custom_data.plan", "free");
      session.read(user);

      session.patch(
          user, Caller.admin(), json("{\"custom_data\":{\"plan\":\"pro\"}}"), null, SCHEMAS);

      assertThat(session.read(user).get(Namespace.CUSTOM_DATA).get("plan").asText())
          .isEqualTo("pro");
    }

    @Test
    void aWriteStartsFromTheAttributesNotFromTheKeptDocument() {
      session.read(user);
      // Another writer committed since the read, as a row lock would reveal.
      stored.with("custom_data.plan", "pro").with("custom_data.seats", "3");

      session.patch(
          user, Caller.admin(), json("{\"custom_data\":{\"note\":\"x\"}}"), null, SCHEMAS);

      assertThat(session.read(user).get(Namespace.CUSTOM_DATA).has("seats")).isTrue();
    }

    @Test
    void aUserWithoutKeyIsNeverKept() {
      UserDataSession.Subject reviewed = new UserDataSession.Subject(null, stored, Set::of);

      session.read(reviewed);
      session.read(reviewed);

      assertThat(stored.reads()).isEqualTo(2);
    }
  }

  @Nested
  class Schemas {

    @Test
    void aViolatingWriteChangesNothingAndNamesEveryViolation() {
      stored.with("custom_data.plan", "pro");
      stored.forgetWrites();

      assertThatThrownBy(
              () ->
                  session.patch(
                      user,
                      Caller.admin(),
                      json("{\"custom_data\":{\"plan\":\"gold\"},\"org\":{\"acme\":{\"role\":1}}}"),
                      null,
                      SCHEMAS))
          .isInstanceOfSatisfying(
              SchemaViolationException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(v -> v.namespace() + v.pointer())
                      .containsExactlyInAnyOrder("custom_data/plan", "org.acme/role"));
      assertThat(stored.writes()).isZero();
      assertThat(session.read(user).get(Namespace.CUSTOM_DATA).get("plan").asText())
          .isEqualTo("pro");
    }

    @Test
    void theWholeNamespaceIsJudgedNotJustThePatch() {
      assertThatThrownBy(
              () ->
                  session.patch(
                      user, Caller.admin(), json("{\"custom_data\":{\"seats\":2}}"), null, SCHEMAS))
          .isInstanceOf(SchemaViolationException.class)
          .hasMessageContaining("/plan");
    }

    @Test
    void aNamespaceTheWriteLeavesAloneIsNotJudged() {
      stored.with("custom_data.plan", "legacy");

      session.patch(user, Caller.admin(), json("{\"user_metadata\":{\"a\":\"b\"}}"), null, SCHEMAS);

      assertThat(session.read(user).get(Namespace.USER_METADATA).get("a").asText()).isEqualTo("b");
    }

    @Test
    void thePacksOwnBookkeepingIsNeverHeldToASchema() {
      stored.with("org.acme.role", "admin");

      session.replace(user, Caller.system(), Namespace.org("acme"), json("{}"), null, SCHEMAS);

      assertThat(session.read(user).has(Namespace.org("acme"))).isFalse();
    }

    @Test
    void theCheckRefusesAsTheWriteWouldAndWritesNothing() {
      assertThatThrownBy(
              () ->
                  session.check(
                      user, Caller.admin(), json("{\"custom_data\":{\"plan\":\"gold\"}}"), SCHEMAS))
          .isInstanceOf(SchemaViolationException.class);
      assertThat(stored.writes()).isZero();
    }
  }
}
