package io.kcuserdata.admin.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.Namespace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ImportRecordTest {

  /** A record as the export writes it ({@code RecordBuilder}), every field filled. */
  static final String EXPORTED =
      """
      {"id":"0b9e6a4c-3f1d-4c2a-9e8b-7a6d5c4b3a21","username":"ada","first_name":"Ada",
       "last_name":"Lovelace","email":"ada@example.com","email_verified":true,"enabled":false,
       "created_at":"2024-01-02T03:04:05Z",
       "profile":{"given_name":"Ada","locale":"en"},"user_metadata":{"theme":"dark"},
       "custom_data":{"plan":"pro","seats":3},"app_metadata":{"tier":{"level":2}},
       "idp":{"github":{"login":"ada"},"google-workspace":{"hd":"example.com"}},
       "org":{"acme":{"role":"owner"}},
       "status":{"blocked":true,"blocked_clients":["crm"]},
       "federated_identities":[{"provider":"github","user_id":"42","user_name":"ada"},
                              {"provider":"google","user_id":"7","user_name":null}],
       "realm_roles":["admin","user"],
       "client_roles":{"crm":["viewer","editor"],"shop":["buyer"]},
       "groups":["/staff","/staff/eng"],"organizations":["acme"],
       "credentials":[{"type":"password","created_at":"2024-01-02T03:04:05Z","label":"main"}],
       "required_actions":["UPDATE_PASSWORD","VERIFY_EMAIL"]}
      """;

  static ImportRecord parse(String json) {
    JsonNode line = Json.parseOrNull(json);
    assertThat(line).as("test JSON parses").isNotNull();
    return ImportRecord.parse(line);
  }

  static JsonNode json(String text) {
    return Json.parseOrNull(text);
  }

  static ObjectNode object(String text) {
    return (ObjectNode) json(text);
  }

  @Nested
  class AnExportedRecord {

    private final ImportRecord record = parse(EXPORTED);

    @Test
    void keepsTheIdentityFields() {
      assertThat(record.id()).isEqualTo("0b9e6a4c-3f1d-4c2a-9e8b-7a6d5c4b3a21");
      assertThat(record.username()).isEqualTo("ada");
      assertThat(record.firstName()).isEqualTo("Ada");
      assertThat(record.lastName()).isEqualTo("Lovelace");
      assertThat(record.email()).isEqualTo("ada@example.com");
      assertThat(record.emailVerified()).isTrue();
      assertThat(record.enabled()).isFalse();
    }

    @Test
    void keepsEveryNamespaceButStatusInKindThenAliasOrder() {
      assertThat(record.namespaces())
          .containsExactly(
              Map.entry(Namespace.PROFILE, object("{\"given_name\":\"Ada\",\"locale\":\"en\"}")),
              Map.entry(Namespace.USER_METADATA, object("{\"theme\":\"dark\"}")),
              Map.entry(Namespace.CUSTOM_DATA, object("{\"plan\":\"pro\",\"seats\":3}")),
              Map.entry(Namespace.APP_METADATA, object("{\"tier\":{\"level\":2}}")),
              Map.entry(Namespace.idp("github"), object("{\"login\":\"ada\"}")),
              Map.entry(Namespace.idp("google-workspace"), object("{\"hd\":\"example.com\"}")),
              Map.entry(Namespace.org("acme"), object("{\"role\":\"owner\"}")));
    }

    @Test
    void keepsLinksRolesGroupsOrganizationsAndRequiredActions() {
      assertThat(record.identities())
          .containsExactly(
              new ImportRecord.Link("github", "42", "ada"),
              new ImportRecord.Link("google", "7", null));
      assertThat(record.realmRoles()).containsExactly("admin", "user");
      assertThat(record.clientRoles())
          .containsExactly(
              Map.entry("crm", List.of("viewer", "editor")), Map.entry("shop", List.of("buyer")));
      assertThat(record.groups()).containsExactly("/staff", "/staff/eng");
      assertThat(record.organizations()).containsExactly("acme");
      assertThat(record.requiredActions()).containsExactly("UPDATE_PASSWORD", "VERIFY_EMAIL");
      assertThat(record.passwordHash()).isNull();
    }
  }

  @Nested
  class AMinimalRecord {

    @Test
    void needsOnlyAnId() {
      ImportRecord record = parse("{\"id\":\"u1\"}");

      assertThat(record.id()).isEqualTo("u1");
      assertThat(record.username()).isNull();
      assertThat(record.emailVerified()).isNull();
      assertThat(record.enabled()).isNull();
      assertThat(record.namespaces()).isEmpty();
      assertThat(record.identities()).isEmpty();
      assertThat(record.realmRoles()).isEmpty();
      assertThat(record.clientRoles()).isEmpty();
      assertThat(record.groups()).isEmpty();
      assertThat(record.organizations()).isEmpty();
      assertThat(record.requiredActions()).isEmpty();
    }

    @Test
    void orOnlyAUsername() {
      assertThat(parse("{\"username\":\"ada\"}").username()).isEqualTo("ada");
    }

    @Test
    void orOnlyAnEmail() {
      assertThat(parse("{\"email\":\"ada@example.com\"}").email()).isEqualTo("ada@example.com");
    }

    @Test
    void anIdOfThirtySixCharactersIsAccepted() {
      assertThat(parse("{\"id\":\"" + "a".repeat(36) + "\"}").id()).hasSize(36);
    }

    @Test
    void anEmptyIdCountsAsNoIdWhenAnotherKeyIsGiven() {
      assertThat(parse("{\"id\":\"\",\"username\":\"ada\"}").id()).isNull();
    }

    @Test
    void nullFieldsAreAbsentOnes() {
      ImportRecord record =
          parse(
              "{\"id\":\"u1\",\"email\":null,\"enabled\":null,\"profile\":null,\"idp\":null,"
                  + "\"realm_roles\":null,\"client_roles\":null,\"federated_identities\":null}");

      assertThat(record.email()).isNull();
      assertThat(record.enabled()).isNull();
      assertThat(record.namespaces()).isEmpty();
      assertThat(record.realmRoles()).isEmpty();
      assertThat(record.clientRoles()).isEmpty();
      assertThat(record.identities()).isEmpty();
    }
  }

  @Nested
  class IgnoredFields {

    @Test
    void statusIsIgnoredWhateverItHolds() {
      assertThat(parse("{\"id\":\"u1\",\"status\":{\"blocked\":true}}").namespaces()).isEmpty();
      assertThat(parse("{\"id\":\"u1\",\"status\":\"blocked\"}").namespaces()).isEmpty();
    }

    @Test
    void createdAtCredentialsAndUnknownFieldsAreIgnored() {
      assertThat(parse("{\"id\":\"u1\",\"created_at\":5,\"credentials\":\"secret\",\"extra\":[1]}"))
          .isEqualTo(parse("{\"id\":\"u1\"}"));
    }

    @Test
    void aFederatedIdentityNeedsNoUserName() {
      assertThat(
              parse(
                      "{\"id\":\"u1\",\"federated_identities\":[{\"provider\":\"g\",\"user_id\":\"1\"}]}")
                  .identities())
          .containsExactly(new ImportRecord.Link("g", "1", null));
    }

    @Test
    void thePasswordHashIsPassedOnAsItIs() {
      JsonNode hash = json("{\"algorithm\":\"bcrypt\",\"value\":\"$2y$10$x\"}");

      ImportRecord record = parse("{\"id\":\"u1\",\"password_hash\":" + hash + "}");

      assertThat(record.passwordHash()).isEqualTo(hash);
    }

    @Test
    void emptyNamespaceAliasMapsAndClientRoleListsAreKept() {
      ImportRecord record = parse("{\"id\":\"u1\",\"idp\":{},\"client_roles\":{\"crm\":[]}}");

      assertThat(record.namespaces()).isEmpty();
      assertThat(record.clientRoles()).containsExactly(Map.entry("crm", List.of()));
    }
  }
}
