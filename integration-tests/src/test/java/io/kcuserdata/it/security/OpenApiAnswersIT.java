package io.kcuserdata.it.security;

import static io.kcuserdata.it.security.Route.ADMIN_BASE;
import static io.kcuserdata.it.security.Route.REALM_BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.kcuserdata.it.docs.DocumentedAnswers;
import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.security.MatrixRequests.Call;
import io.kcuserdata.it.security.PermissionTable.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every answer of the pack is one {@code docs/openapi.yaml} describes: real calls to every route
 * against the real server, each answer (status, headers, body) judged against the document by
 * Vert.x OpenAPI's response validator ({@link DocumentedAnswers}). Each route is called once per
 * status the permission matrix says its callers get (a success, 401, 403, 404), then the error
 * answers the matrix does not reach: bad JSON, a rule broken, a stale {@code If-Match}, a body too
 * large, a wrong media type, a conflict, an unknown id, Keycloak's own 404 for an unknown realm.
 */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiAnswersIT {

  private static final String JSON = "application/json";
  private static final String MERGE_PATCH = "application/merge-patch+json";
  private static final String NDJSON = "application/x-ndjson";
  private static final String STALE = "W/\"stale\"";

  private final SortedSet<String> succeeded = new TreeSet<>();
  private TrustFixture f;
  private MatrixRequests requests;
  private DocumentedAnswers document;

  @BeforeAll
  void aRealmWithACallerOfEveryKind(Realms realms, HttpApi admin, Browser browser) {
    document = DocumentedAnswers.load();
    f = new TrustFixture(realms, admin, browser);
    requests = new MatrixRequests(f);
  }

  @AfterAll
  void close() {
    if (f != null) {
      f.close();
    }
    if (document != null) {
      document.close();
    }
  }

  @TestFactory
  @Order(1)
  Stream<DynamicTest> everyRouteAnswersEachKindOfCallerAsDocumented() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Row row : PermissionTable.rows()) {
      Map<Integer, Caller> firstWithStatus = new LinkedHashMap<>();
      row.expected()
          .forEach((caller, expected) -> firstWithStatus.putIfAbsent(expected.status(), caller));
      firstWithStatus.forEach(
          (status, caller) ->
              tests.add(
                  dynamicTest(
                      row.label() + " as " + caller.column() + " -> " + status,
                      () -> callAsTheMatrixDoes(row, caller, status))));
    }
    return tests.stream();
  }

  private void callAsTheMatrixDoes(Row row, Caller caller, int status) {
    Call call = requests.call(row, caller);
    if (call.sendsMail) {
      f.smtp.drain();
    }
    Answer answer = call.send(f.as(f.token(caller, row.route())));
    if (call.sendsMail) {
      f.smtp.drain();
    }
    if (answer.status() < 300) {
      call.afterSuccess.run();
    }
    assertThat(answer.status())
        .as("%s as %s: the answer to check (%s)", row.label(), caller.column(), answer)
        .isEqualTo(status);
    requireDocumented(row.route(), answer);
  }

  @TestFactory
  @Order(2)
  Stream<DynamicTest> theErrorAnswersAreDocumentedToo() {
    String subject = f.id("subject");
    String user = ADMIN_BASE + "/users/{id}";
    String hooks = ADMIN_BASE + "/webhooks";
    String me = REALM_BASE + "/me";
    String members = REALM_BASE + "/organizations/{orgId}/members";
    HttpApi admin = f.master;
    HttpApi self = f.as(f.appToken("user"));
    HttpApi lead = f.as(f.pageToken("lead"));
    String users = f.admin("/users/" + subject);
    String inAcme = f.self("/organizations/" + f.acme + "/members");
    return Stream.of(
        expect(400, "malformed JSON", admin, "PATCH", user, users, MERGE_PATCH, "{"),
        expect(
            400,
            "an unknown namespace",
            admin,
            "PATCH",
            user,
            users,
            MERGE_PATCH,
            "{\"nope\":{\"a\":1}}"),
        expect(415, "a body that is not JSON", admin, "PATCH", user, users, "text/plain", "{}"),
        expect(
            412,
            "a stale If-Match",
            admin,
            "PATCH",
            user,
            users,
            MERGE_PATCH,
            "{\"custom_data\":{\"openapi\":1}}",
            "If-Match",
            STALE),
        expect(
            413,
            "a body over 1 MiB",
            admin,
            "PUT",
            user + "/{namespace}",
            users + "/custom_data",
            JSON,
            "{\"big\":\"" + "x".repeat(1_100_000) + "\"}"),
        expect(400, "a malformed namespace", admin, "GET", user + "/{namespace}", users + "/nope"),
        expect(404, "an unknown user", admin, "GET", user, f.admin("/users/no-such-user")),
        expect(
            404,
            "an unknown realm (Keycloak's answer)",
            admin,
            "GET",
            user,
            "/admin/realms/no-such-realm/user-data/users/" + subject),
        expect(
            400,
            "a suspension without a reason",
            admin,
            "POST",
            user + "/suspend",
            users + "/suspend",
            JSON,
            "{}"),
        expect(
            400,
            "an unknown client to block",
            admin,
            "PUT",
            user + "/blocked-clients",
            users + "/blocked-clients",
            JSON,
            "[\"no-such-client\"]"),
        expect(
            200,
            "a CSV export",
            admin,
            "GET",
            ADMIN_BASE + "/export",
            f.admin("/export?format=csv&formulas=keep")),
        expect(
            200,
            "an NDJSON export of some fields",
            admin,
            "GET",
            ADMIN_BASE + "/export",
            f.admin("/export?fields=username,custom_data&max=3")),
        expect(
            400,
            "an unknown format",
            admin,
            "GET",
            ADMIN_BASE + "/export",
            f.admin("/export?format=xml")),
        expect(
            415,
            "an import that is not NDJSON",
            admin,
            "POST",
            ADMIN_BASE + "/import",
            f.admin("/import"),
            JSON,
            "{}"),
        expect(
            400,
            "an import from an unknown source",
            admin,
            "POST",
            ADMIN_BASE + "/import",
            f.admin("/import?source=nope"),
            NDJSON,
            "{\"username\":\"x\"}\n"),
        expect(
            200,
            "an import with a good line and a bad one",
            admin,
            "POST",
            ADMIN_BASE + "/import",
            f.admin("/import"),
            NDJSON,
            "{\"username\":\"openapi-imported\",\"custom_data\":{\"plan\":\"pro\"}}\n"
                + "{\"id\":\"not an id!\"}\n"),
        expect(
            201,
            "a consent scope",
            admin,
            "POST",
            ADMIN_BASE + "/client-scopes",
            f.admin("/client-scopes"),
            JSON,
            "{\"namespace\":\"custom_data\",\"name\":\"openapi-consent\",\"keys\":\"plan\"}"),
        expect(
            409,
            "a consent scope whose name is taken",
            admin,
            "POST",
            ADMIN_BASE + "/client-scopes",
            f.admin("/client-scopes"),
            JSON,
            "{\"namespace\":\"custom_data\",\"name\":\"openapi-consent\"}"),
        expect(
            400,
            "a consent scope for data the user never sees",
            admin,
            "POST",
            ADMIN_BASE + "/client-scopes",
            f.admin("/client-scopes"),
            JSON,
            "{\"namespace\":\"app_metadata\"}"),
        expect(
            200,
            "the page's client, which exists",
            admin,
            "POST",
            ADMIN_BASE + "/delegated-admin/client",
            f.admin("/delegated-admin/client")),
        expect(
            404,
            "an unknown organization",
            admin,
            "GET",
            ADMIN_BASE + "/organizations/{orgId}/admins",
            f.admin("/organizations/no-such-organization/admins")),
        expect(
            404,
            "an unknown user to name",
            admin,
            "PUT",
            ADMIN_BASE + "/organizations/{orgId}/admins/{userId}",
            f.admin("/organizations/" + f.acme + "/admins/no-such-user")),
        expect(
            404,
            "an unknown webhook",
            admin,
            "GET",
            hooks + "/{id}",
            f.admin("/webhooks/no-such-webhook")),
        expect(
            400,
            "an unknown delivery status",
            admin,
            "GET",
            hooks + "/{id}/deliveries",
            f.admin("/webhooks/" + f.webhook + "/deliveries?status=nope")),
        expect(
            400,
            "a webhook URL that is not http(s)",
            admin,
            "POST",
            hooks,
            f.admin("/webhooks"),
            JSON,
            "{\"url\":\"ftp://example.test/\",\"events\":[\"*\"]}"),
        expect(
            404,
            "an unknown delivery",
            admin,
            "POST",
            hooks + "/{id}/deliveries/{deliveryId}/retry",
            f.admin("/webhooks/" + f.webhook + "/deliveries/no-such-delivery/retry")),
        expect(
            400,
            "a user writing custom_data",
            self,
            "PATCH",
            me,
            f.self("/me"),
            MERGE_PATCH,
            "{\"custom_data\":{\"plan\":\"free\"}}"),
        expect(
            412,
            "a user's stale If-Match",
            self,
            "PATCH",
            me,
            f.self("/me"),
            MERGE_PATCH,
            "{\"user_metadata\":{\"openapi\":1}}",
            "If-Match",
            STALE),
        expect(
            415,
            "a user's body that is not JSON",
            self,
            "PATCH",
            me,
            f.self("/me"),
            "text/plain",
            "{}"),
        expect(
            404,
            "an unknown realm (Keycloak's answer)",
            self,
            "GET",
            me,
            "/realms/no-such-realm/user-data/me"),
        expect(
            303,
            "the page without its slash",
            self,
            "GET",
            REALM_BASE + "/delegated-admin",
            f.self("/delegated-admin")),
        expect(
            200,
            "the page's HTML",
            self,
            "GET",
            REALM_BASE + "/delegated-admin/{file}",
            f.self("/delegated-admin/index.html")),
        expect(
            200,
            "the page's style",
            self,
            "GET",
            REALM_BASE + "/delegated-admin/{file}",
            f.self("/delegated-admin/app.css")),
        expect(
            404,
            "a file the page does not have",
            self,
            "GET",
            REALM_BASE + "/delegated-admin/{file}",
            f.self("/delegated-admin/secrets.txt")),
        expect(400, "a page too large", lead, "GET", members, inAcme + "?max=1000"),
        expect(
            403,
            "a field a delegated admin may not set",
            lead,
            "POST",
            members,
            inAcme,
            JSON,
            "{\"username\":\"openapi-member\",\"enabled\":false}"),
        expect(
            409,
            "a username that is taken",
            lead,
            "POST",
            members,
            inAcme,
            JSON,
            "{\"username\":\"member-a\"}"),
        expect(415, "a member that is not JSON", lead, "POST", members, inAcme, "text/plain", "{}"),
        expect(
            404,
            "an organization the caller does not administer",
            lead,
            "GET",
            members,
            f.self("/organizations/" + f.globex + "/members")),
        expect(
            409,
            "lifting a suspension there is not",
            lead,
            "POST",
            members + "/{userId}/unsuspend",
            inAcme + "/" + f.id("member-a") + "/unsuspend"));
  }

  @Test
  @Order(3)
  void everyRouteWasCheckedWithASuccess() {
    SortedSet<String> unchecked = new TreeSet<>();
    PackRoutes.scan().forEach(route -> unchecked.add(route.toString()));
    unchecked.removeAll(succeeded);

    assertThat(unchecked).as("routes no successful answer was checked for").isEmpty();
  }

  private DynamicTest expect(
      int status, String what, HttpApi caller, String method, String template, String path) {
    return expect(status, what, caller, method, template, path, null, null);
  }

  /**
   * @param headers name, value, …
   */
  private DynamicTest expect(
      int status,
      String what,
      HttpApi caller,
      String method,
      String template,
      String path,
      String contentType,
      String body,
      String... headers) {
    return dynamicTest(
        method + " " + template + ": " + what + " -> " + status,
        () -> {
          Answer answer = caller.send(method, path, contentType, body, headers);
          assertThat(answer.status())
              .as("%s %s (%s): the answer to check (%s)", method, path, what, abbreviated(answer))
              .isEqualTo(status);
          requireDocumented(new Route(method, template), answer);
        });
  }

  private void requireDocumented(Route route, Answer answer) {
    List<String> problems =
        document.problems(
            route.method(), route.template(), answer.status(), answer.headers(), answer.body());
    assertThat(problems)
        .as("%s answered %s, which docs/openapi.yaml does not describe", route, abbreviated(answer))
        .isEmpty();
    if (answer.status() < 300) {
      succeeded.add(route.toString());
    }
  }

  private static String abbreviated(Answer answer) {
    String text = answer.status() + " " + answer.headers() + " " + answer.body();
    return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
  }
}
