package io.kcuserdata.events.webhooks.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.kcuserdata.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The published schemas (docs/webhooks/schemas) accept what PayloadWriter writes, and no more. */
class SchemasTest {

  private static final Path DIR = Path.of("..", "docs", "webhooks", "schemas");
  private static final String BASE = "https://kc-userdata.io/schemas/webhooks/";

  // Resolves $id-based URLs, including the relative $ref to common.schema.json, from the files.
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          b -> b.schemaMappers(m -> m.mapPrefix(BASE, DIR.toAbsolutePath().toUri().toString())));

  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  private static JsonSchema schema(WebhookEventType type) {
    return FACTORY.getSchema(SchemaLocation.of(BASE + type.wireName() + ".schema.json"), CONFIG);
  }

  private static Set<ValidationMessage> errors(WebhookEventType schemaType, JsonNode payload) {
    return schema(schemaType).validate(payload);
  }

  private static ObjectNode written(PayloadData data) {
    return (ObjectNode)
        Json.parseOrNull(new String(PayloadWriter.write(data, true), StandardCharsets.UTF_8));
  }

  @Nested
  class TheFiles {

    @Test
    void areOnePerEventTypePlusTheCommonDefinitions() throws IOException {
      Set<String> expected =
          Stream.concat(
                  Arrays.stream(WebhookEventType.values()).map(t -> t.wireName() + ".schema.json"),
                  Stream.of("common.schema.json"))
              .collect(Collectors.toSet());
      try (Stream<Path> files = Files.list(DIR)) {
        assertThat(files.map(p -> p.getFileName().toString())).hasSameElementsAs(expected);
      }
    }

    @ParameterizedTest
    @EnumSource(WebhookEventType.class)
    void eachNamesItselfAndItsEventType(WebhookEventType type) throws IOException {
      JsonNode file = Json.MAPPER.readTree(DIR.resolve(type.wireName() + ".schema.json").toFile());

      assertThat(file.get("$schema").asText())
          .isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(file.get("$id").asText()).isEqualTo(BASE + type.wireName() + ".schema.json");
      assertThat(file.at("/properties/type/const").asText()).isEqualTo(type.wireName());
    }
  }

  @Nested
  class WhatTheWriterWrites {

    @ParameterizedTest
    @EnumSource(WebhookEventType.class)
    void isValidWithEveryMemberFilledIn(WebhookEventType type) {
      assertThat(errors(type, written(Payloads.fullOf(type)))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(WebhookEventType.class)
    void isValidWithOnlyTheRequiredMembers(WebhookEventType type) {
      assertThat(errors(type, written(Payloads.minimalOf(type)))).isEmpty();
    }

    @Test
    void isValidForTheLoginSampleWithItsUsersAppMetadata() {
      assertThat(errors(WebhookEventType.USER_LOGIN, written(Payloads.login()))).isEmpty();
    }
  }

  @Nested
  class APayloadIsRejected {

    @Test
    void whenAUserEventHasAUserWithoutAnId() {
      PayloadData noId =
          Payloads.withUser(
              Payloads.login(),
              new UserSummary(null, "jdoe", null, null, null, null, null, null, null));

      assertThat(errors(WebhookEventType.USER_LOGIN, written(noId))).isNotEmpty();
    }

    @Test
    void whenAUserEventHasNoUser() {
      PayloadData noUser = Payloads.withUser(Payloads.login(), null);

      assertThat(errors(WebhookEventType.USER_LOGIN, written(noUser))).isNotEmpty();
    }

    @Test
    void whenAnOrganizationEventHasNoOrganization() {
      ObjectNode payload = written(Payloads.fullOf(WebhookEventType.ORGANIZATION_MEMBER_ADDED));
      ((ObjectNode) payload.get("data")).remove("organization");

      assertThat(errors(WebhookEventType.ORGANIZATION_MEMBER_ADDED, payload)).isNotEmpty();
    }

    @Test
    void whenItHasAnExtraTopLevelMember() {
      ObjectNode payload = written(Payloads.login());
      payload.put("version", 1);

      assertThat(errors(WebhookEventType.USER_LOGIN, payload)).isNotEmpty();
    }

    @Test
    void whenItsDataHasAnExtraMember() {
      ObjectNode payload = written(Payloads.login());
      ((ObjectNode) payload.get("data")).put("session_id", "s-1");

      assertThat(errors(WebhookEventType.USER_LOGIN, payload)).isNotEmpty();
    }

    @Test
    void whenItsTypeIsAnotherEventsType() {
      assertThat(errors(WebhookEventType.USER_LOGOUT, written(Payloads.login()))).isNotEmpty();
    }

    @Test
    void whenItsTimestampLacksTheMillisecondsOrIsNotATime() {
      ObjectNode payload = written(Payloads.login());
      payload.put("timestamp", "2026-11-22T10:00:00Z");
      assertThat(errors(WebhookEventType.USER_LOGIN, payload)).isNotEmpty();

      payload.put("timestamp", "2026-13-45T10:00:00.000Z");
      assertThat(errors(WebhookEventType.USER_LOGIN, payload)).isNotEmpty();
    }

    @Test
    void whenItsDetailsCarryACredentialishKey() {
      ObjectNode payload = written(Payloads.login());
      ((ObjectNode) payload.at("/data/details")).put("refresh_token_id", "t");

      assertThat(errors(WebhookEventType.USER_LOGIN, payload)).isNotEmpty();
    }

    @Test
    void whenAnActorHasAnUnknownType() {
      ObjectNode payload = written(Payloads.login());
      ((ObjectNode) payload.at("/data/actor")).put("type", "robot");

      assertThat(errors(WebhookEventType.USER_LOGIN, payload)).isNotEmpty();
    }
  }

  @Test
  void aPingNeedsNeitherUserNorActor() {
    PayloadData ping =
        new PayloadData(
            WebhookEventType.PING,
            Payloads.AT,
            "r-1",
            "acme",
            null,
            null,
            null,
            null,
            Map.of(),
            null);

    assertThat(errors(WebhookEventType.PING, written(ping))).isEmpty();
  }
}
