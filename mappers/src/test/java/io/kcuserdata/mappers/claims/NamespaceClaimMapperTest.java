package io.kcuserdata.mappers.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.document.UserDataDocument;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.spi.UserDataProvider;
import io.kcuserdata.core.storage.AttributeCodec;
import io.kcuserdata.mappers.email.Fakes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;
import org.keycloak.util.JsonSerialization;

class NamespaceClaimMapperTest {

  final NamespaceClaimMapper mapper = new NamespaceClaimMapper();
  final Map<String, List<String>> attributes = new HashMap<>();
  final UserSessionModel userSession =
      Stubs.of(
          UserSessionModel.class,
          Map.of("getUser", Stubs.of(UserModel.class, Map.of("getAttributes", attributes))));

  /** The pack's provider as the mapper meets it: the user's attributes, decoded. */
  final UserDataProvider data =
      Fakes.proxy(
          UserDataProvider.class,
          Map.of(
              "read",
              args ->
                  new UserDataDocument(
                      AttributeCodec.decodeAll(((UserModel) args[1]).getAttributes()))));

  final KeycloakSession session =
      Fakes.proxy(
          KeycloakSession.class,
          Map.of(
              "getProvider",
              args -> data,
              "getContext",
              args -> Stubs.of(KeycloakContext.class, Map.of())));

  void store(Namespace namespace, String json) {
    attributes.putAll(AttributeCodec.encode(namespace, (ObjectNode) Json.parseOrNull(json)));
  }

  static ProtocolMapperModel model(String... config) {
    ProtocolMapperModel model = new ProtocolMapperModel();
    model.setName("user data");
    model.setProtocolMapper(NamespaceClaimMapper.PROVIDER_ID);
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < config.length; i += 2) {
      values.put(config[i], config[i + 1]);
    }
    model.setConfig(values);
    return model;
  }

  AccessToken issue(ProtocolMapperModel model) {
    AccessToken token = new AccessToken();
    mapper.setClaim(token, model, userSession, session, null);
    return token;
  }

  @Nested
  class Provider {

    @Test
    void isNamedAsTheContractSays() {
      assertThat(mapper.getId()).isEqualTo("userdata-namespace-claim-mapper");
      assertThat(mapper.getDisplayType()).isEqualTo("User data namespace");
      assertThat(mapper.getDisplayCategory()).isEqualTo("Token mapper");
      assertThat(mapper.getProtocol()).isEqualTo("openid-connect");
    }

    @Test
    void offersTheNamespaceKeysClaimNameAndTheUsualTokenToggles() {
      Map<String, Object> defaults =
          mapper.getConfigProperties().stream()
              .collect(
                  Collectors.toMap(
                      ProviderConfigProperty::getName,
                      p -> String.valueOf(p.getDefaultValue()),
                      (a, b) -> a,
                      java.util.LinkedHashMap::new));
      assertThat(defaults)
          .containsExactly(
              Map.entry("namespace", "null"),
              Map.entry("keys", "null"),
              Map.entry("claim.name", "null"),
              Map.entry("id.token.claim", "true"),
              Map.entry("access.token.claim", "true"),
              Map.entry("lightweight.claim", "false"),
              Map.entry("userinfo.token.claim", "true"),
              Map.entry("introspection.token.claim", "true"));
    }

    @Test
    void everyOptionHasALabelAndHelpText() {
      assertThat(mapper.getConfigProperties())
          .allSatisfy(
              p -> {
                assertThat(p.getLabel()).isNotBlank();
                assertThat(p.getHelpText()).isNotBlank();
              });
    }

    @Test
    void theNamespaceHelpWarnsThatAppMetadataBecomesReadableByUserAndClient() {
      assertThat(NamespaceClaimProperties.NAMESPACE_HELP)
          .contains("app_metadata is data the user must not see")
          .contains("readable by whoever holds it, the user and the client");
    }
  }

  @Nested
  class Validation {

    @Test
    void aGoodConfigPasses() throws Exception {
      mapper.validateConfig(null, null, null, model("namespace", "custom_data", "keys", "plan"));
    }

    @Test
    void aBadConfigIsRefusedWithTheReason() {
      assertThatThrownBy(
              () -> mapper.validateConfig(null, null, null, model("namespace", "status")))
          .isInstanceOf(ProtocolMapperConfigException.class)
          .hasMessageContaining("status");
    }
  }

  @Nested
  class Claims {

    @Test
    void theNamespaceBecomesOneObjectClaimKeepingJsonTypes() throws Exception {
      store(Namespace.CUSTOM_DATA, "{\"plan\":\"pro\",\"seats\":5,\"beta\":true,\"tags\":[\"a\"]}");
      String json = JsonSerialization.writeValueAsString(issue(model("namespace", "custom_data")));
      assertThat(json)
          .contains(
              "\"custom_data\":{\"beta\":true,\"plan\":\"pro\",\"seats\":5,\"tags\":[\"a\"]}");
    }

    @Test
    void onlyTheListedKeysAreIncluded() {
      store(Namespace.CUSTOM_DATA, "{\"plan\":\"pro\",\"seats\":5}");
      assertThat(issue(model("namespace", "custom_data", "keys", "seats")).getOtherClaims())
          .isEqualTo(Map.of("custom_data", Map.of("seats", 5)));
    }

    @Test
    void aDottedClaimNameNestsAsInKeycloaksOwnMappers() {
      store(Namespace.CUSTOM_DATA, "{\"plan\":\"pro\"}");
      assertThat(
              issue(model("namespace", "custom_data", "claim.name", "billing.data"))
                  .getOtherClaims())
          .isEqualTo(Map.of("billing", Map.of("data", Map.of("plan", "pro"))));
    }

    @Test
    void scopedNamespacesNestByDefaultAndSeveralShareTheirParent() {
      store(Namespace.idp("google"), "{\"hd\":\"example.com\"}");
      store(Namespace.idp("github"), "{\"login\":\"ada\"}");
      AccessToken token = new AccessToken();
      mapper.setClaim(token, model("namespace", "idp.google"), userSession, session, null);
      mapper.setClaim(token, model("namespace", "idp.github"), userSession, session, null);
      assertThat(token.getOtherClaims())
          .isEqualTo(
              Map.of(
                  "idp",
                  Map.of("google", Map.of("hd", "example.com"), "github", Map.of("login", "ada"))));
    }

    @Test
    void anEmptySelectionAddsNoClaim() {
      store(Namespace.CUSTOM_DATA, "{\"plan\":\"pro\"}");
      assertThat(issue(model("namespace", "custom_data", "keys", "seats")).getOtherClaims())
          .isEmpty();
      assertThat(issue(model("namespace", "user_metadata")).getOtherClaims()).isEmpty();
    }

    @Test
    void aConfigThatNeverPassedValidationAddsNoClaimAndDoesNotFailTheToken() {
      store(Namespace.STATUS, "{\"login_count\":3}");
      assertThat(issue(model("namespace", "status")).getOtherClaims()).isEmpty();
    }

    @Test
    void aClaimPathBlockedByAnotherClaimsValueIsSkippedInsteadOfFailing() {
      store(Namespace.CUSTOM_DATA, "{\"plan\":\"pro\"}");
      AccessToken token = new AccessToken();
      token.getOtherClaims().put("acme", "a string");
      mapper.setClaim(
          token,
          model("namespace", "custom_data", "claim.name", "acme.data"),
          userSession,
          session,
          null);
      assertThat(token.getOtherClaims()).isEqualTo(Map.of("acme", "a string"));
    }

    @Test
    void theIdTokenToggleIsHonoured() {
      store(Namespace.CUSTOM_DATA, "{\"plan\":\"pro\"}");
      IDToken off = new IDToken();
      mapper.transformIDToken(
          off,
          model("namespace", "custom_data", "id.token.claim", "false"),
          session,
          userSession,
          null);
      IDToken on = new IDToken();
      mapper.transformIDToken(
          on,
          model("namespace", "custom_data", "id.token.claim", "true"),
          session,
          userSession,
          null);
      assertThat(off.getOtherClaims()).isEmpty();
      assertThat(on.getOtherClaims()).containsKey("custom_data");
    }

    @Test
    void aJsonTypeLeftInTheConfigDoesNotConvertTheObject() {
      store(Namespace.CUSTOM_DATA, "{\"seats\":5}");
      assertThat(
              issue(
                      model(
                          "namespace",
                          "custom_data",
                          "jsonType.label",
                          "String",
                          "multivalued",
                          "true"))
                  .getOtherClaims())
          .isEqualTo(Map.of("custom_data", Map.of("seats", 5)));
    }
  }
}
