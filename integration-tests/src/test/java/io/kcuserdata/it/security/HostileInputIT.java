package io.kcuserdata.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Malformed requests to every endpoint of the pack, generated family by family ({@link
 * HostileRequests}), each sent by a caller who passes the endpoint's authorization so that the
 * input itself is what the server meets. For every one: no 5xx, an error body in the pack's format
 * with no stack trace or Java class name, no 2xx for a request that cannot be valid; and after each
 * family, every user's attributes, roles and memberships, every webhook endpoint, client scope and
 * client and every organization's admins are as before, in this realm and another.
 */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TrustFixture f;
  private HostileRequests hostile;
  private RawHttp http;
  private final Map<String, Integer> sentByFamily = new TreeMap<>();
  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private final SortedSet<Route> routesReached = new TreeSet<>();
  private final List<String> keycloaksOwnServerErrors = new ArrayList<>();

  @BeforeAll
  void aRealmWithACallerOfEveryKind(Realms realms, HttpApi admin, Browser browser) {
    f = new TrustFixture(realms, admin, browser);
    hostile = new HostileRequests(f);
    http = new RawHttp(f.realm.baseUrl());
  }

  @AfterAll
  void printTheCount() {
    int sent = sentByFamily.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf(
        "Hostile input: %d requests sent %s; statuses %s%n", sent, sentByFamily, statuses);
    System.out.printf(
        "Server errors Keycloak's own endpoint answers alike (not the pack's): %d%n",
        keycloaksOwnServerErrors.size());
    keycloaksOwnServerErrors.forEach(e -> System.out.println("  KEYCLOAK " + e));
    if (f != null) {
      f.close();
    }
  }

  @Test
  @Order(1)
  void malformedBodiesAreRefusedAndChangeNothing() {
    send("malformed bodies", hostile::malformedBodies);
  }

  @Test
  @Order(2)
  void wellFormedBodiesOfTheWrongShapeAreRefusedAndChangeNothing() {
    send("wrong shapes", hostile::wrongShapes);
  }

  @Test
  @Order(3)
  void aContentTypeTheEndpointDoesNotTakeIsRefused() {
    send("content types", hostile::wrongContentTypes);
  }

  @Test
  @Order(4)
  void badIdsAndIdsOfAnotherRealmFindNothing() {
    send("ids", hostile::badIds);
  }

  @Test
  @Order(5)
  void aMethodTheEndpointDoesNotTakeIsRefused() {
    send("methods", hostile::unsupportedMethods);
  }

  @Test
  @Order(6)
  void badQueryParametersAreRefusedOrMatchNothing() {
    send("queries", hostile::badQueries);
  }

  @Test
  @Order(7)
  void anIfMatchOfNoVersionIsRefused() {
    send("If-Match", hostile::badIfMatch);
  }

  @Test
  @Order(8)
  void oddUnicodeIsStoredAndReadBackOrRefusedButNeverBreaksAnAnswer() {
    send("odd Unicode", hostile::oddUnicode);
  }

  @Test
  @Order(9)
  void everyRouteOfThePackGotHostileInputAtLeast500RequestsInAll() {
    int sent = sentByFamily.values().stream().mapToInt(Integer::intValue).sum();
    SortedSet<Route> missed = new TreeSet<>(PackRoutes.scan());
    missed.removeAll(routesReached);

    assertThat(sent).isGreaterThanOrEqualTo(500);
    assertThat(missed).as("routes no hostile request reached").isEmpty();
    assertThat(hostile.routesWithoutShape())
        .as("routes taking a body that the body families do not cover")
        .isEmpty();
  }

  /** What the generated requests found, each pinned down on its own. */
  @Nested
  class FoundByHostileInput {

    private HttpApi.Answer asRealmAdmin(String method, String path, String type, String body) {
      return f.as(f.appToken("realm-admin")).send(method, path, type, body);
    }

    @Test
    void anotherRealmsOrganizationIsNoOrganizationHereNotAServerError() {
      String admins = f.admin("/organizations/" + f.otherOrganization + "/admins");
      HttpApi.Answer list = asRealmAdmin("GET", admins, null, null);
      HttpApi.Answer name = asRealmAdmin("PUT", admins + "/" + f.id("candidate"), null, null);
      HttpApi.Answer members =
          f.as(f.pageToken("lead"))
              .get(f.self("/organizations/" + f.otherOrganization + "/members"));

      assertThat(List.of(list.status(), name.status(), members.status()))
          .containsExactly(404, 404, 404);
      assertThat(list.json().path("error").asText()).isEqualTo("not_found");
      assertThat(members.json().path("error").asText()).isEqualTo("not_found");
      assertThat(
              f.read(
                      "/admin/realms/"
                          + f.other.name()
                          + "/user-data/organizations/"
                          + f.otherOrganization
                          + "/admins")
                  .size())
          .isZero();
    }

    @Test
    void aPageNumberThatIsNotAWholeNumberIsA400NamingItNotA404() {
      HttpApi.Answer deliveries =
          asRealmAdmin(
              "GET", f.admin("/webhooks/" + f.webhook + "/deliveries?first=abc"), null, null);
      HttpApi.Answer members =
          f.as(f.pageToken("lead")).get(f.self("/organizations/" + f.acme + "/members?max=1e2"));

      assertThat(deliveries.status()).isEqualTo(400);
      assertThat(deliveries.json().path("error_description").asText())
          .isEqualTo("first must be a whole number");
      assertThat(members.status()).isEqualTo(400);
      assertThat(members.json().path("error_description").asText())
          .isEqualTo("max must be a whole number");
    }

    @Test
    void anAuth0LineThatNamesNoOneCreatesNoUserCalledNull() {
      HttpApi.Answer imported =
          asRealmAdmin(
              "POST",
              f.admin("/import?source=auth0"),
              "application/x-ndjson",
              "{\"user_id\":1}\n{}\n");

      assertThat(imported.status()).isEqualTo(200);
      assertThat(imported.body()).doesNotContain("\"created\"");
      assertThat(f.realm.admin().users().search("null", true)).isEmpty();
    }

    @Test
    void aBodyThatIsNotUtf8OrHoldsAnInfiniteNumberIsRefusedNotStoredAltered() {
      String namespace = f.admin("/users/" + f.id("subject") + "/custom_data");
      byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
      RawHttp.Answer slash =
          http.send(
              "PUT",
              namespace,
              overlong,
              "Authorization",
              "Bearer " + f.appToken("realm-admin"),
              "Content-Type",
              "application/json");
      HttpApi.Answer infinity =
          asRealmAdmin("PUT", namespace, "application/json", "{\"a\":1e999999}");

      assertThat(slash.status()).isEqualTo(400);
      assertThat(slash.text()).contains("not valid UTF-8");
      assertThat(infinity.status()).isEqualTo(400);
      assertThat(infinity.json().path("error_description").asText()).contains("out of range");
    }

    @Test
    void aMultipartOrUnreadableContentTypeIs415NotAServerError() {
      String patch = f.admin("/users/" + f.id("subject"));
      for (String type : List.of("multipart/form-data; boundary=x", "json", "a/b/c")) {
        HttpApi.Answer answer = asRealmAdmin("PATCH", patch, type, "{\"custom_data\":{}}");

        assertThat(answer.status()).as(type).isEqualTo(415);
        assertThat(answer.json().path("error").asText())
            .as(type)
            .isEqualTo("unsupported_media_type");
      }
    }

    @Test
    void aRefusedRequestKeepsNothingItWroteBeforeTheRefusal() {
      HttpApi lead = f.as(f.pageToken("lead"));
      String memberA = f.self("/organizations/" + f.acme + "/members/" + f.id("member-a"));
      String before = f.userState(f.id("member-a"));

      HttpApi.Answer created =
          lead.send(
              "POST",
              f.self("/organizations/" + f.acme + "/members"),
              "application/json",
              "{\"username\":\"half-made\",\"org\":{\"acme\":{\"bad key\":1}}}");
      HttpApi.Answer renamed =
          lead.send(
              "PATCH",
              memberA,
              "application/merge-patch+json",
              "{\"first_name\":\"Partial\",\"org\":{\"acme\":{\"bad key\":1}}}");

      assertThat(created.status()).isEqualTo(400);
      assertThat(f.realm.admin().users().search("half-made", true)).isEmpty();
      assertThat(renamed.status()).isEqualTo(400);
      assertThat(f.userState(f.id("member-a"))).isEqualTo(before);
    }

    @Test
    void jsonErrorsSayWhereNotWhichJacksonOptionFailed() {
      HttpApi.Answer deep =
          asRealmAdmin(
              "PATCH",
              f.admin("/users/" + f.id("subject")),
              "application/merge-patch+json",
              HostileRequests.nest("[", "", "]", 10_000));

      assertThat(deep.status()).isEqualTo(400);
      assertThat(ErrorBody.problems(deep.body())).isEmpty();
      assertThat(deep.json().path("error_description").asText()).contains("100 levels");
    }
  }

  private void send(String family, Supplier<List<Hostile>> generator) {
    List<Hostile> requests = generator.get();
    String before = world();
    List<String> problems = new ArrayList<>();
    Map<Integer, Integer> before5 = new TreeMap<>(statuses);
    for (Hostile request : requests) {
      problems.addAll(check(request));
    }
    Map<Integer, Integer> answered = new TreeMap<>();
    statuses.forEach((status, n) -> answered.put(status, n - before5.getOrDefault(status, 0)));
    answered.values().removeIf(n -> n == 0);
    sentByFamily.merge(family, requests.size(), Integer::sum);
    String after = world();
    System.out.printf(
        "Hostile input, %s: %d requests, answered %s%n", family, requests.size(), answered);
    problems.forEach(p -> System.out.println("  PROBLEM " + p));

    assertThat(problems).as("problems with %s", family).isEmpty();
    assertThat(changes(before, after)).as("what %s changed in the realms", family).isEmpty();
  }

  private List<String> check(Hostile request) {
    List<String> problems = new ArrayList<>();
    if (request.route() != null) {
      routesReached.add(request.route());
    }
    List<String> headers = new ArrayList<>(request.headers());
    String token = token(request.sender());
    if (token != null) {
      headers.add("Authorization");
      headers.add("Bearer " + token);
    }
    if (request.contentType() != null) {
      headers.add("Content-Type");
      headers.add(request.contentType());
    }
    RawHttp.Answer answer;
    try {
      answer =
          http.send(
              request.method(),
              request.path(),
              request.body() == null && !request.method().equals("GET")
                  ? new byte[0]
                  : request.body(),
              headers.toArray(String[]::new));
    } catch (UncheckedIOException e) {
      return List.of(request + "\n    -> no complete answer: " + e.getCause().getMessage());
    }
    statuses.merge(answer.status(), 1, Integer::sum);
    String shown = "\n    -> " + answer.status() + " " + RawHttp.abbreviate(answer.text());
    if (answer.status() >= 500) {
      RawHttp.Answer keycloak = keycloakOwn(request);
      if (keycloak.status() >= 500) {
        keycloaksOwnServerErrors.add(
            request + shown + "\n    and Keycloak's own POST …/users: " + keycloak.status());
      } else {
        problems.add(request + shown + "\n    a server error");
      }
    } else if (answer.status() >= 400) {
      List<String> format = ErrorBody.problems(answer.text());
      if (request.keycloakFirst() && ErrorBody.isKeycloaks(answer.status(), answer.text())) {
        format = List.of();
      }
      format.forEach(p -> problems.add(request + shown + "\n    the error body " + p));
    } else if (request.mustRefuse() && answer.status() < 300) {
      problems.add(request + shown + "\n    accepted, though it cannot be valid");
    } else if (answer.status() == 200 && request.path().contains("/export?")) {
      exportProblem(answer).ifPresent(p -> problems.add(request + shown + "\n    " + p));
    }
    return problems;
  }

  /**
   * The same Content-Type and method sent to one of Keycloak's own endpoints (creating a user, with
   * a body Keycloak refuses anyway): a server error there too is Keycloak's, not the pack's.
   */
  private RawHttp.Answer keycloakOwn(Hostile request) {
    List<String> headers =
        new ArrayList<>(List.of("Authorization", "Bearer " + token(Hostile.Sender.REALM_ADMIN)));
    if (request.contentType() != null) {
      headers.add("Content-Type");
      headers.add(request.contentType());
    }
    return http.send(
        "POST",
        "/admin/realms/" + f.realm.name() + "/users",
        "{}".getBytes(StandardCharsets.UTF_8),
        headers.toArray(String[]::new));
  }

  /** A 200 export must be whole: every NDJSON line a JSON object. */
  private static Optional<String> exportProblem(RawHttp.Answer answer) {
    String type = answer.header("Content-Type");
    if (type == null || !type.startsWith("application/x-ndjson")) {
      return Optional.empty();
    }
    for (String line : answer.text().split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      try {
        if (!JSON.readTree(line).isObject()) {
          return Optional.of("the export holds a line that is not an object: " + line);
        }
      } catch (IOException e) {
        return Optional.of("the export holds a line that is not JSON: " + RawHttp.abbreviate(line));
      }
    }
    return Optional.empty();
  }

  private String token(Hostile.Sender sender) {
    return switch (sender) {
      case ANONYMOUS -> null;
      case REALM_ADMIN -> f.appToken("realm-admin");
      case USER -> f.appToken("user");
      case SCRATCH -> f.appToken("scratch");
      case DELEGATED_ADMIN -> f.pageToken("lead");
    };
  }

  /**
   * Everything a hostile request could have changed, read through Keycloak's admin API: both
   * realms' users (but the scratch user and what was made as scratch), webhook endpoints,
   * organizations' admins, client scopes and clients.
   */
  private String world() {
    StringBuilder world = new StringBuilder();
    f.users.forEach(
        (name, id) -> {
          if (!name.equals("scratch")) {
            world.append(name).append(' ').append(f.userState(id)).append('\n');
          }
        });
    world.append(withoutScratch(f.read(f.admin("/webhooks")), "description")).append('\n');
    world.append(withoutScratch(f.read(f.admin("/organizations/" + f.acme + "/admins")), ""));
    world.append('\n');
    world.append(withoutScratch(f.read(f.admin("/organizations/" + f.globex + "/admins")), ""));
    world.append('\n');
    world.append(withoutScratch(f.read(realmAdmin("/client-scopes")), "name")).append('\n');
    world.append(withoutScratch(f.read(realmAdmin("/clients")), "clientId")).append('\n');
    world
        .append(
            withoutScratch(
                f.read(realmAdmin("/users?briefRepresentation=true&max=10000")), "username"))
        .append('\n');
    world.append(f.userState(f.other, f.otherUser)).append('\n');
    String other = "/admin/realms/" + f.other.name() + "/user-data";
    world.append(withoutScratch(f.read(other + "/webhooks"), "description")).append('\n');
    world.append(f.read(other + "/organizations/" + f.otherOrganization + "/admins"));
    return world.toString();
  }

  /** The lines of the world that differ, each as it was and as it is. */
  private static List<String> changes(String before, String after) {
    List<String> was = List.of(before.split("\n"));
    List<String> is = List.of(after.split("\n"));
    List<String> changes = new ArrayList<>();
    was.stream().filter(line -> !is.contains(line)).forEach(line -> changes.add("was: " + line));
    is.stream().filter(line -> !was.contains(line)).forEach(line -> changes.add("now: " + line));
    return changes;
  }

  private String realmAdmin(String rest) {
    return "/admin/realms/" + f.realm.name() + rest;
  }

  /** One line per item, sorted (Keycloak lists some things in no fixed order). */
  private static String withoutScratch(JsonNode list, String field) {
    List<String> kept = new ArrayList<>();
    list.forEach(
        item -> {
          if (!item.path(field).asText().startsWith("scratch")) {
            kept.add(item.toString());
          }
        });
    kept.sort(null);
    return String.join("\n", kept);
  }
}
