package io.kcuserdata.it.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.LoginOutcome;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.themes.ProgressiveRealm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.htmlunit.html.DomElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPAttributePermissions;
import org.keycloak.representations.userprofile.config.UPConfig;

/**
 * {@code profile.website} must be a URL on every path that writes it: each refuses {@code "not a
 * url"} with Keycloak's own "Invalid URL." (key {@code error-invalid-uri}) and changes nothing, and
 * takes a real URL. The other formats (date, time zone, locale) share the same check, proved by the
 * unit tests of {@code ClaimFormat}.
 */
@KeycloakIT
class ProfileClaimFormatsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "pw-formats-1";
  private static final String BAD = "{\"profile\":{\"website\":\"not a url\"}}";

  private TestRealm realm;
  private String aliceId;
  private HttpApi admin;

  @BeforeEach
  void aRealmWhereUsersMayEditTheirWebsite(Realms realms, HttpApi admin) {
    this.admin = admin;
    realm = realms.create();
    aliceId = realm.createUser("alice", PASSWORD);
    UPConfig profile = realm.admin().users().userProfile().getConfiguration();
    UPAttribute website = new UPAttribute("profile.website");
    website.setPermissions(
        new UPAttributePermissions(Set.of("admin", "user"), Set.of("admin", "user")));
    profile.addOrReplaceAttribute(website);
    realm.admin().users().userProfile().update(profile);
  }

  private HttpApi alice() {
    return realm.http(realm.tokens().password("alice", PASSWORD).accessToken());
  }

  /** Alice's data as the pack's admin API reads it: every namespace, declared or not. */
  private JsonNode stored() {
    return admin
        .get("/admin/realms/" + realm.name() + "/user-data/users/" + aliceId)
        .requireStatus(200)
        .json();
  }

  private String storedWebsite() {
    return stored().path("profile").path("website").asText(null);
  }

  private static void refusedAsAnInvalidUrl(Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().path("error").asText()).isEqualTo("invalid_user_data");
    assertThat(answer.json().path("error_description").asText())
        .startsWith("profile.website: Invalid URL.")
        .contains("https://");
  }

  @Nested
  class TheSelfServiceApi {

    private final String me = "/realms/%s/user-data/me";

    @Test
    void refusesAWebsiteThatIsNotAUrlAndChangesNothing() {
      Answer answer =
          alice().send("PATCH", me.formatted(realm.name()), "application/merge-patch+json", BAD);

      refusedAsAnInvalidUrl(answer);
      assertThat(storedWebsite()).isNull();
    }

    @Test
    void takesARealUrl() {
      Answer answer =
          alice()
              .send(
                  "PATCH",
                  me.formatted(realm.name()),
                  "application/merge-patch+json",
                  "{\"profile\":{\"website\":\"https://ally.example\"}}");

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(storedWebsite()).isEqualTo("https://ally.example");
    }
  }

  @Nested
  class TheAdminApi {

    @Test
    void refusesAWebsiteThatIsNotAUrlAndChangesNothingOfThePatch() {
      Answer answer =
          admin.send(
              "PATCH",
              "/admin/realms/" + realm.name() + "/user-data/users/" + aliceId,
              "application/merge-patch+json",
              "{\"custom_data\":{\"plan\":\"pro\"},\"profile\":{\"website\":\"not a url\"}}");

      refusedAsAnInvalidUrl(answer);
      assertThat(stored().path("custom_data")).as(stored().toString()).isEmpty();
      assertThat(storedWebsite()).isNull();
    }

    @Test
    void refusesItInAReplacedNamespaceToo() {
      Answer answer =
          admin.send(
              "PUT",
              "/admin/realms/" + realm.name() + "/user-data/users/" + aliceId + "/profile",
              "application/json",
              "{\"nickname\":\"ally\",\"website\":\"not a url\"}");

      refusedAsAnInvalidUrl(answer);
      assertThat(stored().path("profile")).as(stored().toString()).isEmpty();
    }
  }

  @Nested
  class TheAccountApi {

    private ObjectNode account() {
      Answer answer =
          alice().get("/realms/" + realm.name() + "/account", "Accept", "application/json");
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      return (ObjectNode) answer.json();
    }

    private Answer save(String website) {
      ObjectNode account = account();
      ((ObjectNode) account.with("attributes")).putArray("profile.website").add(website);
      return alice()
          .send(
              "POST",
              "/realms/" + realm.name() + "/account",
              "application/json",
              account.toString());
    }

    @Test
    void refusesAWebsiteThatIsNotAUrlWithKeycloaksMessageKeyAndChangesNothing() {
      Answer answer = save("not a url");

      assertThat(answer.status()).as(answer.body()).isEqualTo(400);
      assertThat(errors(answer))
          .anySatisfy(
              error -> {
                assertThat(error.path("field").asText()).isEqualTo("profile.website");
                assertThat(error.path("errorMessage").asText()).isEqualTo("error-invalid-uri");
              });
      assertThat(storedWebsite()).isNull();
    }

    @Test
    void takesARealUrl() {
      Answer answer = save("https://ally.example");

      assertThat(answer.status()).as(answer.body()).isEqualTo(204);
      assertThat(storedWebsite()).isEqualTo("https://ally.example");
    }

    /** Keycloak answers one error as an object, several as an array of them. */
    private List<JsonNode> errors(Answer answer) {
      JsonNode body = answer.json();
      if (body.has("errors")) {
        body = body.get("errors");
      }
      return body.isArray()
          ? java.util.stream.StreamSupport.stream(body.spliterator(), false).toList()
          : List.of(body);
    }
  }

  @Nested
  class KeycloaksAdminUsersApi {

    @Test
    void neverWritesNamespacedDataSoTheBadValueIsNotStored() {
      UserRepresentation alice = realm.admin().users().get(aliceId).toRepresentation();
      Map<String, List<String>> attributes =
          new HashMap<>(alice.getAttributes() == null ? Map.of() : alice.getAttributes());
      attributes.put("profile.website", List.of("not a url"));
      alice.setAttributes(attributes);

      try {
        realm.admin().users().get(aliceId).update(alice);
      } catch (jakarta.ws.rs.WebApplicationException refused) {
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
      }

      assertThat(storedWebsite()).isNull();
    }
  }

  @Nested
  class TheImport {

    @Test
    void refusesTheLineNamingTheKeyAndCreatesNoUser() {
      Answer answer =
          admin.send(
              "POST",
              "/admin/realms/" + realm.name() + "/user-data/import",
              "application/x-ndjson",
              "{\"username\":\"bob\",\"email\":\"bob@example.test\",\"profile\":{\"website\":"
                  + "\"not a url\"}}\n"
                  + "{\"username\":\"carol\",\"profile\":{\"website\":\"https://carol.example\"}}\n");

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      List<JsonNode> lines = ndjson(answer.body());
      assertThat(lines.get(0).path("result").asText()).isEqualTo("error");
      assertThat(lines.get(0).path("error_description").asText())
          .startsWith("profile.website: Invalid URL.");
      assertThat(lines.get(1).path("result").asText()).as(answer.body()).isEqualTo("created");
      assertThat(realm.admin().users().searchByUsername("bob", true)).isEmpty();
    }

    @Test
    void refusesTheLineForAnExistingUserAndLeavesTheirData() {
      admin
          .send(
              "PATCH",
              "/admin/realms/" + realm.name() + "/user-data/users/" + aliceId,
              "application/merge-patch+json",
              "{\"profile\":{\"website\":\"https://ally.example\"}}")
          .requireStatus(200);

      Answer answer =
          admin.send(
              "POST",
              "/admin/realms/" + realm.name() + "/user-data/import",
              "application/x-ndjson",
              "{\"username\":\"alice\",\"first_name\":\"Changed\",\"profile\":{\"website\":"
                  + "\"not a url\"}}\n");

      assertThat(ndjson(answer.body()).get(0).path("result").asText())
          .as(answer.body())
          .isEqualTo("error");
      assertThat(storedWebsite()).isEqualTo("https://ally.example");
      assertThat(realm.admin().users().get(aliceId).toRepresentation().getFirstName())
          .isNotEqualTo("Changed");
    }

    private List<JsonNode> ndjson(String body) {
      return body.lines()
          .filter(line -> !line.isBlank())
          .map(
              line -> {
                try {
                  return JSON.readTree(line);
                } catch (Exception e) {
                  throw new AssertionError(line, e);
                }
              })
          .toList();
    }
  }

  @Nested
  class TheProgressivePrompt {

    private ProgressiveRealm progressive;
    private String bobId;

    @BeforeEach
    void aPromptAskingForTheWebsite(Realms realms) {
      progressive = ProgressiveRealm.create(realms, admin);
      progressive.configure(
          Map.of(
              "attributes", "profile.website",
              "max.per.prompt", "2",
              "skippable", "true",
              "sign.ins.between.prompts", "1"));
      bobId = progressive.realm.createUser("bob", PASSWORD);
    }

    private LoginOutcome answer(Browser browser, String website) {
      LoginOutcome prompt = browser.login(progressive.realm, "bob", PASSWORD);
      assertThat(prompt.signedIn()).as("the prompt: %s", prompt.pageText()).isFalse();
      return browser.submit(
          progressive.realm,
          prompt.page(),
          ProgressiveRealm.FORM,
          Map.of("profile.website", website),
          "userdata-prompt:save");
    }

    @Test
    void showsKeycloaksInvalidUrlMessageNextToTheFieldAndStoresNothing(Browser browser) {
      LoginOutcome again = answer(browser, "not a url");

      assertThat(again.signedIn()).isFalse();
      DomElement field = again.page().getElementById("userdata-field-0");
      assertThat(field.getAttribute("type")).isEqualTo("url");
      assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(
              again.page().getElementById(field.getAttribute("aria-describedby")).getTextContent())
          .contains("Invalid URL.");
      assertThat(progressive.userData(bobId).path("profile")).isEmpty();
    }

    @Test
    void takesARealUrl(Browser browser) {
      LoginOutcome done = answer(browser, "https://bob.example");

      assertThat(done.signedIn()).as(done.pageText()).isTrue();
      assertThat(progressive.userData(bobId).path("profile").path("website").asText())
          .isEqualTo("https://bob.example");
    }
  }
}
