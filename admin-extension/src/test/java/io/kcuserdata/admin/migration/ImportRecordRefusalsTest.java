package io.kcuserdata.admin.migration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kcuserdata.core.json.Json;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImportRecordRefusalsTest {

  private static AbstractThrowableAssert<?, ?> refusing(String json) {
    return assertThatThrownBy(() -> ImportRecordTest.parse(json))
        .isInstanceOf(InvalidLineException.class);
  }

  /** A record with an id, so only the named field can make it fail. */
  private static AbstractThrowableAssert<?, ?> refusingField(String name, String value) {
    return refusing("{\"id\":\"u1\",\"" + name + "\":" + value + "}");
  }

  @Nested
  class TheLine {

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"id\":\"u1\"}]", "\"u1\"", "42", "null", "true"})
    void aLineThatIsNotAnObjectIsRefused(String json) {
      assertThatThrownBy(() -> ImportRecord.parse(Json.parseOrNull(json)))
          .isInstanceOf(InvalidLineException.class)
          .hasMessage("a line is one JSON object");
    }

    @Test
    void noLineAtAllIsRefused() {
      assertThatThrownBy(() -> ImportRecord.parse(null)).hasMessage("a line is one JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"first_name\":\"Ada\"}", "{\"id\":\"\",\"email\":\"\"}"})
    void aLineWithoutIdUsernameOrEmailIsRefused(String json) {
      refusing(json).hasMessage("a line needs an id, a username or an email to match a user");
    }
  }

  @Nested
  class TheId {

    @ParameterizedTest
    @ValueSource(
        strings = {"a/b", "../x", "a b", "a.b", "é", "0b9e6a4c-3f1d-4c2a-9e8b-7a6d5c4b3a21x"})
    void anIdOutsideItsAlphabetOrOver36CharactersIsRefused(String id) {
      refusing("{\"id\":\"" + id + "\"}")
          .hasMessage("id must be 1 to 36 letters, digits, '-' or '_'");
    }

    @Test
    void aNonStringIdIsRefused() {
      refusing("{\"id\":42}").hasMessage("id must be a string of at most 4096");
    }
  }

  @Nested
  class WrongTypes {

    @ParameterizedTest
    @ValueSource(strings = {"username", "first_name", "last_name", "email"})
    void aTextFieldHoldingANumberIsRefusedByName(String name) {
      refusingField(name, "1").hasMessage(name + " must be a string of at most 4096");
    }

    @ParameterizedTest
    @ValueSource(strings = {"email_verified", "enabled"})
    void aFlagHoldingTextIsRefusedByName(String name) {
      refusingField(name, "\"true\"").hasMessage(name + " must be true or false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"realm_roles", "groups", "organizations", "required_actions"})
    void aListHoldingSomethingElseIsRefusedByName(String name) {
      refusingField(name, "\"admin\"").hasMessage(name + " must be an array of at most 1000");
      refusingField(name, "[\"\"]").hasMessage(name + " must hold non-empty strings");
      refusingField(name, "[7]").hasMessage(name + " must hold non-empty strings");
    }
  }

  @Nested
  class Namespaces {

    @ParameterizedTest
    @ValueSource(
        strings = {"profile", "user_metadata", "custom_data", "app_metadata", "idp", "org"})
    void aNamespaceThatIsNotAnObjectIsRefused(String name) {
      refusingField(name, "[]").hasMessage(name + " must be a JSON object");
      refusingField(name, "\"x\"").hasMessage(name + " must be a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"idp", "org"})
    void anAliasMapToSomethingOtherThanAnObjectIsRefusedNamingTheAlias(String name) {
      refusingField(name, "{\"acme\":\"x\"}")
          .hasMessage(name + " maps aliases to JSON objects; 'acme' does not");
      refusingField(name, "{\"acme\":null}")
          .hasMessage(name + " maps aliases to JSON objects; 'acme' does not");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b", "-acme", "", "a/b"})
    void anAliasThatCannotBeStoredIsRefused(String alias) {
      refusingField("idp", "{\"" + alias + "\":{}}")
          .hasMessage("idp maps aliases to JSON objects; '" + alias + "' does not");
    }

    @Test
    void anAliasOverAHundredCharactersIsRefused() {
      String alias = "a".repeat(101);

      refusingField("org", "{\"" + alias + "\":{}}").hasMessageContaining("'" + alias + "'");
    }
  }

  @Nested
  class FederatedIdentities {

    @Test
    void theListMustBeAnArray() {
      refusingField("federated_identities", "{}")
          .hasMessage("federated_identities must be an array of at most 1000");
    }

    @Test
    void eachEntryMustBeAnObject() {
      refusingField("federated_identities", "[\"github\"]")
          .hasMessage("federated_identities must be an object");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "{\"user_id\":\"1\"}",
          "{\"provider\":\"g\"}",
          "{\"provider\":\"\",\"user_id\":\"1\"}"
        })
    void aFederatedIdentityWithoutProviderOrUserIdIsRefused(String entry) {
      refusingField("federated_identities", "[" + entry + "]")
          .hasMessage("each federated identity needs a provider and a user_id");
    }

    @Test
    void aProviderOfTheWrongTypeIsRefusedUnderItsPlace() {
      refusingField("federated_identities", "[{\"provider\":1,\"user_id\":\"1\"}]")
          .hasMessage("federated_identities.provider must be a string of at most 4096");
    }
  }

  @Nested
  class ClientRoles {

    @Test
    void mustMapClients() {
      refusingField("client_roles", "[\"crm\"]").hasMessage("client_roles must be a JSON object");
    }

    @Test
    void mustMapEachClientToAnArray() {
      refusingField("client_roles", "{\"crm\":\"viewer\"}")
          .hasMessage("client_roles.crm must be an array of at most 1000");
    }

    @Test
    void mustMapEachClientToNonEmptyRoleNames() {
      refusingField("client_roles", "{\"crm\":[\"viewer\",\"\"]}")
          .hasMessage("client_roles.crm must hold non-empty strings");
      refusingField("client_roles", "{\"crm\":[{\"name\":\"viewer\"}]}")
          .hasMessage("client_roles.crm must hold non-empty strings");
    }
  }
}
