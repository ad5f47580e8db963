package io.kcuserdata.claims.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.claims.secret.AdminMapperRequest.Shape;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.secrets.RealmKeys;
import io.kcuserdata.core.secrets.RealmSecrets;
import io.kcuserdata.core.secrets.SealedSecretException;
import io.kcuserdata.core.secrets.SealingKey;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SecretsInRequestBodyTest {

  private static final String SECRET = "typed-s3cr3t";
  private static final String REALM_ID = "realm-1";
  private static final SealingKey REALM_KEY = SealingKey.realm("kid-1", new byte[16]);
  private static final RealmSecrets SECRETS =
      new RealmSecrets(
          null,
          new RealmKeys() {
            @Override
            public SealingKey active() {
              return REALM_KEY;
            }

            @Override
            public Optional<SealingKey> byKid(String kid) {
              return kid.equals("kid-1") ? Optional.of(REALM_KEY) : Optional.empty();
            }
          });
  private static final SecretsInRequestBody.ConfigSealer SEALER =
      config -> MapperSecret.sealInPlace(SECRETS, REALM_ID, config);

  /** An external claims mapper as the console sends it, with {@code secret} as JSON text. */
  private static String mapper(String secretJson) {
    return """
        {"name":"billing","protocol":"openid-connect",\
        "protocolMapper":"userdata-external-claims-mapper",\
        "config":{"url":"https://api.example/claims","auth.type":"bearer",\
        "auth.secret":%s,"claim.name":"ext"}}"""
        .formatted(secretJson);
  }

  private static String mapper() {
    return mapper("\"" + SECRET + "\"");
  }

  private static final String OTHER_MAPPER =
      """
      {"name":"aud","protocolMapper":"oidc-audience-mapper",\
      "config":{"auth.secret":"not-ours","included.client.audience":"x"}}""";

  private static Optional<String> sealed(String body, Shape shape) {
    return SecretsInRequestBody.seal(body.getBytes(StandardCharsets.UTF_8), shape, SEALER)
        .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  private static JsonNode json(String text) throws Exception {
    return Json.MAPPER.readTree(text);
  }

  /** The secret the mapper's sealed {@code auth.secret} opens to, for its realm and config. */
  private static String opened(JsonNode mapper) throws Exception {
    Map<String, String> config = new HashMap<>();
    mapper
        .path("config")
        .fields()
        .forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
    assertThat(config.get("auth.secret")).startsWith("sealed:1:aes-kid-1:");
    return MapperSecret.open(SECRETS, REALM_ID, config);
  }

  @Nested
  class SealsAPlainSecret {

    @Test
    void inAMapper() throws Exception {
      String body = sealed(mapper(), Shape.MAPPER).orElseThrow();

      assertThat(body).doesNotContain(SECRET);
      assertThat(opened(json(body))).isEqualTo(SECRET);
    }

    @Test
    void inEveryMapperOfAList() throws Exception {
      String body =
          sealed("[" + mapper() + "," + OTHER_MAPPER + "," + mapper() + "]", Shape.MAPPERS)
              .orElseThrow();

      JsonNode list = json(body);
      assertThat(body).doesNotContain(SECRET);
      assertThat(opened(list.get(0))).isEqualTo(SECRET);
      assertThat(opened(list.get(2))).isEqualTo(SECRET);
      assertThat(list.get(1)).isEqualTo(json(OTHER_MAPPER));
    }

    @Test
    void inTheMappersOfAClientOrClientScope() throws Exception {
      String body =
          sealed(
                  "{\"clientId\":\"app\",\"protocolMappers\":["
                      + OTHER_MAPPER
                      + ","
                      + mapper()
                      + "]}",
                  Shape.CONTAINER)
              .orElseThrow();

      assertThat(body).doesNotContain(SECRET);
      assertThat(opened(json(body).path("protocolMappers").get(1))).isEqualTo(SECRET);
    }

    @Test
    void inTheClientsAndClientScopesOfARealmOrPartialImport() throws Exception {
      String body =
          sealed(
                  """
                  {"ifResourceExists":"SKIP",\
                  "users":[{"username":"u","attributes":{"protocolMappers":["x"]}}],\
                  "clients":[{"clientId":"a","protocolMappers":[%s]}],\
                  "clientScopes":[{"name":"s","protocolMappers":[%s]}]}"""
                      .formatted(mapper(), mapper()),
                  Shape.REALM)
              .orElseThrow();

      JsonNode realm = json(body);
      assertThat(body).doesNotContain(SECRET);
      assertThat(opened(realm.at("/clients/0/protocolMappers/0"))).isEqualTo(SECRET);
      assertThat(opened(realm.at("/clientScopes/0/protocolMappers/0"))).isEqualTo(SECRET);
    }

    @Test
    void andLeavesEveryOtherByteAsItCame() throws Exception {
      String before = "{ \"clientId\" : \"app\",\n  \"protocolMappers\" : [ ";
      String after = " ],\n  \"rootUrl\" : 1.50, \"x\":\"\\u00e9\" }  ";

      String body = sealed(before + mapper() + after, Shape.CONTAINER).orElseThrow();

      assertThat(body).startsWith(before).endsWith(after);
      assertThat(opened(json(body).path("protocolMappers").get(0))).isEqualTo(SECRET);
    }

    @Test
    void whenTheMapperIdIsWrittenWithEscapes() throws Exception {
      String escaped = mapper().replace("userdata-external", "userdata\\u002dexternal");

      String body = sealed(escaped, Shape.MAPPER).orElseThrow();

      assertThat(SecretsInRequestBody.mayCarry(escaped.getBytes(StandardCharsets.UTF_8))).isTrue();
      assertThat(opened(json(body))).isEqualTo(SECRET);
    }

    @Test
    void boundToTheConfigsUrlSoItOpensForNoOtherUrl() throws Exception {
      JsonNode mapper = json(sealed(mapper(), Shape.MAPPER).orElseThrow());
      Map<String, String> config = new HashMap<>();
      mapper
          .path("config")
          .fields()
          .forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
      config.put("url", "https://elsewhere.example/claims");

      assertThatThrownBy(() -> MapperSecret.open(SECRETS, REALM_ID, config))
          .isInstanceOf(SealedSecretException.class);
    }
  }

  @Nested
  class LeavesTheBodyAsItCame {

    @Test
    void forAVaultReferenceASealedValueOrNoSecret() {
      assertThat(sealed(mapper("\"${vault.claims}\""), Shape.MAPPER)).isEmpty();
      assertThat(sealed(mapper("\"sealed:1:aes-kid-1:AAAA\""), Shape.MAPPER)).isEmpty();
      assertThat(sealed(mapper("\"  \""), Shape.MAPPER)).isEmpty();
      assertThat(sealed(mapper("null"), Shape.MAPPER)).isEmpty();
    }

    @Test
    void forASecretThatIsNoText() {
      assertThat(sealed(mapper("{\"a\":\"" + SECRET + "\"}"), Shape.MAPPER)).isEmpty();
      assertThat(sealed(mapper("[\"" + SECRET + "\"]"), Shape.MAPPER)).isEmpty();
    }

    @Test
    void forMappersOfOtherTypes() {
      assertThat(sealed(OTHER_MAPPER, Shape.MAPPER)).isEmpty();
      assertThat(sealed(mapper().replace("userdata-external", "userdata-other"), Shape.MAPPER))
          .isEmpty();
    }

    @Test
    void forAMapperWhereTheRequestCarriesNone() {
      assertThat(
              sealed("{\"attributes\":{\"protocolMappers\":[" + mapper() + "]}}", Shape.CONTAINER))
          .isEmpty();
      assertThat(sealed("{\"protocolMappers\":[" + mapper() + "]}", Shape.MAPPER)).isEmpty();
      assertThat(sealed("[" + mapper() + "]", Shape.MAPPER)).isEmpty();
      assertThat(sealed(mapper(), Shape.REALM)).isEmpty();
    }

    @Test
    void forBodiesThatAreNotJsonOrAreCutShort() {
      assertThat(sealed("", Shape.MAPPER)).isEmpty();
      assertThat(sealed("not json " + mapper(), Shape.MAPPER)).isEmpty();
      assertThat(sealed("[" + mapper() + ",", Shape.MAPPERS)).isEmpty();
      assertThat(sealed("{\"protocolMappers\":[" + mapper(), Shape.CONTAINER)).isEmpty();
      assertThat(sealed("[".repeat(5000) + mapper(), Shape.MAPPERS)).isEmpty();
    }

    @Test
    void forABodyNotInUtf8() {
      byte[] utf16 = mapper().getBytes(StandardCharsets.UTF_16BE);

      assertThat(SecretsInRequestBody.seal(utf16, Shape.MAPPER, SEALER)).isEmpty();
    }
  }

  @Nested
  class TheCheapFirstCheck {

    @Test
    void passesBodiesNamingTheMapperOrHoldingEscapes() {
      assertThat(SecretsInRequestBody.mayCarry(mapper().getBytes(StandardCharsets.UTF_8))).isTrue();
      assertThat(
              SecretsInRequestBody.mayCarry("{\"a\":\"\\u0041\"}".getBytes(StandardCharsets.UTF_8)))
          .isTrue();
    }

    @Test
    void stopsEveryOtherBody() {
      assertThat(SecretsInRequestBody.mayCarry(OTHER_MAPPER.getBytes(StandardCharsets.UTF_8)))
          .isFalse();
      assertThat(SecretsInRequestBody.mayCarry(new byte[0])).isFalse();
    }
  }
}
