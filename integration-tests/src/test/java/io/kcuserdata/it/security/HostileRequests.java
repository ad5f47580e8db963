package io.kcuserdata.it.security;

import static io.kcuserdata.it.security.Hostile.Sender.ANONYMOUS;
import static io.kcuserdata.it.security.Hostile.Sender.DELEGATED_ADMIN;
import static io.kcuserdata.it.security.Hostile.Sender.REALM_ADMIN;
import static io.kcuserdata.it.security.Hostile.Sender.SCRATCH;
import static io.kcuserdata.it.security.Hostile.Sender.USER;

import io.kcuserdata.it.security.Hostile.Sender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the malformed requests of {@link HostileInputIT}, family by family, for every route the
 * pack registers ({@link PackRoutes}): each aimed by a caller who passes the route's authorization,
 * so that the input itself is what the server must cope with.
 */
final class HostileRequests {

  static final String JSON = "application/json";
  static final String MERGE_PATCH = "application/merge-patch+json";
  static final String NDJSON = "application/x-ndjson";

  private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

  /** A route that takes a body, with a body it would accept. */
  record Shape(Route route, String contentType, String validBody) {}

  private final TrustFixture f;
  private final SortedSet<Route> routes = PackRoutes.scan();
  private final Map<Route, Shape> shapes = new LinkedHashMap<>();
  private int sequence;

  HostileRequests(TrustFixture f) {
    this.f = f;
    shape("PATCH", Route.ADMIN_BASE + "/users/{id}", MERGE_PATCH, custom("written"));
    shape("PUT", Route.ADMIN_BASE + "/users/{id}/{namespace}", JSON, "{\"hostile\":\"written\"}");
    shape("POST", Route.ADMIN_BASE + "/users/{id}/suspend", JSON, "{\"reason\":\"hostile\"}");
    shape("PUT", Route.ADMIN_BASE + "/users/{id}/blocked-clients", JSON, "[\"test-app\"]");
    shape(
        "POST",
        Route.ADMIN_BASE + "/client-scopes",
        JSON,
        "{\"namespace\":\"user_metadata\",\"name\":\"hostile-scope\"}");
    shape("POST", Route.ADMIN_BASE + "/webhooks", JSON, f.webhookBody("hostile", false));
    shape("PUT", Route.ADMIN_BASE + "/webhooks/{id}", JSON, f.webhookBody("hostile", false));
    shape("POST", Route.ADMIN_BASE + "/import", NDJSON, null);
    shape("PUT", Route.ADMIN_BASE + "/schemas/{namespace}", JSON, "{\"type\":\"object\"}");
    shape("POST", Route.ADMIN_BASE + "/schemas/{namespace}/check", JSON, "{\"type\":\"object\"}");
    shape(
        "POST",
        Route.REALM_BASE + "/organizations/{orgId}/members",
        JSON,
        "{\"username\":\"hostile-created\"}");
    shape(
        "PATCH",
        Route.REALM_BASE + "/organizations/{orgId}/members/{userId}",
        MERGE_PATCH,
        "{\"first_name\":\"Hostile\"}");
    shape(
        "POST",
        Route.REALM_BASE + "/organizations/{orgId}/members/{userId}/suspend",
        JSON,
        "{\"reason\":\"hostile\"}");
    shape(
        "PATCH",
        Route.REALM_BASE + "/me",
        MERGE_PATCH,
        "{\"user_metadata\":{\"hostile\":\"written\"}}");
  }

  private void shape(String method, String template, String contentType, String validBody) {
    Route route = new Route(method, template);
    if (!routes.contains(route)) {
      throw new IllegalStateException("the pack has no route " + route);
    }
    shapes.put(route, new Shape(route, contentType, validBody));
  }

  /** The routes that take a body but have no shape here: they escape the body families. */
  List<Route> routesWithoutShape() {
    return routes.stream()
        .filter(r -> Set.of("POST", "PUT", "PATCH").contains(r.method()))
        .filter(r -> !shapes.containsKey(r))
        .filter(r -> !bodiless(r))
        .toList();
  }

  /** POSTs that are actions without a body. */
  private static boolean bodiless(Route route) {
    return route.template().endsWith("/unsuspend")
        || route.template().endsWith("-email")
        || route.template().endsWith("/rotate-secret")
        || route.template().endsWith("/test")
        || route.template().endsWith("/retry")
        || route.template().endsWith("/delegated-admin/client")
        || route.template().endsWith("/admins/{userId}");
  }

  // ---------------------------------------------------------------- families

  /** Bodies no endpoint can read: broken, ambiguous, huge, deep, badly encoded. */
  List<Hostile> malformedBodies() {
    List<Hostile> requests = new ArrayList<>();
    Map<String, byte[]> bodies = malformed();
    for (Shape shape : shapes.values()) {
      bodies.forEach(
          (what, body) -> {
            boolean validHere =
                what.equals("an empty array")
                    && shape.route().template().endsWith("/blocked-clients");
            if (validHere) {
              return;
            }
            Hostile request = at(shape.route(), "body: " + what).body(shape.contentType(), body);
            // The import answers each line, an error for a bad one: 200 however bad the lines.
            requests.add(shape.contentType().equals(NDJSON) ? request.mayBeAccepted() : request);
          });
    }
    return requests;
  }

  /** Well-formed JSON of the wrong shape for the endpoint, and writes refused half-way. */
  List<Hostile> wrongShapes() {
    List<Hostile> requests = new ArrayList<>();
    String deep9 = nest("{\"a\":", "1", "}", 9);
    String big = "\"" + "x".repeat(17_000) + "\"";
    add(
        requests,
        "PATCH",
        Route.ADMIN_BASE + "/users/{id}",
        MERGE_PATCH,
        "{\"custom_data\":\"x\"}",
        "{\"custom_data\":[1]}",
        "{\"custom_data\":1}",
        "{\"nope\":{}}",
        "{\"custom_data\":{\"bad key\":1}}",
        "{\"custom_data\":{\"a.b\":1}}",
        "{\"custom_data\":{\"\":1}}",
        "{\"custom_data\":{\"_json\":1}}",
        "{\"custom_data\":{\"a\":" + deep9 + "}}",
        "{\"custom_data\":{\"a\":" + big + "}}",
        "{\"org\":{\"no-such-org\":{\"a\":1}}}",
        "{\"org\":\"x\"}",
        "{\"idp\":{\"../x\":{\"a\":1}}}",
        "{\"idp\":{\"google\":{\"sub\":\"x\"}}}",
        "{\"status\":{\"suspended_at\":\"never\"}}",
        "{\"profile\":{\"evil\":1}}",
        "{\"custom_data\":{\"ok\":\"1\"},\"app_metadata\":\"bad\"}",
        "{\"custom_data\":{\"ok\":\"1\"},\"nope\":{}}",
        "{\"custom_data\":{\"ok\":\"1\"},\"status\":{\"x\":1}}",
        "{\"custom_data\":{\"ok\":\"1\"},\"user_metadata\":{\"bad key\":1}}",
        "{\"app_metadata\":{\"ok\":\"1\"},\"org\":{\"no-such-org\":{\"a\":1}}}");
    for (String namespace :
        List.of(
            "nope",
            "app_metadata.x",
            "idp",
            "idp.",
            "idp.x%2Fy",
            "org",
            "org.no-such-org",
            "status",
            "idp.google",
            "..",
            "custom_data%00",
            "CUSTOM_DATA",
            "custom_data.x",
            "%E2%80%AEcustom_data",
            "x".repeat(300))) {
      requests.add(
          Hostile.refused(
                  "namespace " + RawHttp.abbreviate(namespace),
                  REALM_ADMIN,
                  "PUT",
                  fill(Route.ADMIN_BASE + "/users/{id}/" + namespace),
                  new Route("PUT", Route.ADMIN_BASE + "/users/{id}/{namespace}"))
              .body(JSON, "{\"a\":\"1\"}"));
    }
    add(
        requests,
        "PUT",
        Route.ADMIN_BASE + "/users/{id}/{namespace}",
        JSON,
        "{\"bad key\":1}",
        "{\"a\":" + deep9 + "}",
        "{\"a\":" + big + "}");
    String[] reasons = {
      "{}",
      "{\"reason\":\"\"}",
      "{\"reason\":\"   \"}",
      "{\"reason\":123}",
      "{\"reason\":null}",
      "{\"reason\":[\"x\"]}",
      "{\"reason\":{\"a\":1}}",
      "{\"reason\":\"" + "x".repeat(501) + "\"}"
    };
    add(requests, "POST", Route.ADMIN_BASE + "/users/{id}/suspend", JSON, reasons);
    add(
        requests,
        "POST",
        Route.REALM_BASE + "/organizations/{orgId}/members/{userId}/suspend",
        JSON,
        reasons);
    add(
        requests,
        "PUT",
        Route.ADMIN_BASE + "/users/{id}/blocked-clients",
        JSON,
        "{}",
        "[1]",
        "[\"\"]",
        "[null]",
        "[[\"test-app\"]]",
        "[\"no-such-client\"]",
        "[\"test-app\",\"no-such-client\"]",
        "[" + "\"test-app\",".repeat(100) + "\"test-app\"]");
    add(
        requests,
        "POST",
        Route.ADMIN_BASE + "/client-scopes",
        JSON,
        "{}",
        "{\"namespace\":\"app_metadata\"}",
        "{\"namespace\":\"status\"}",
        "{\"namespace\":\"nope\"}",
        "{\"namespace\":1}",
        "{\"namespace\":\"user_metadata\",\"name\":\"bad name!\"}",
        "{\"namespace\":\"user_metadata\",\"name\":\"" + "x".repeat(101) + "\"}",
        "{\"namespace\":\"user_metadata\",\"name\":\"hostile\",\"consentText\":\"\"}",
        "{\"namespace\":\"user_metadata\",\"name\":\"hostile\",\"consentText\":\""
            + "x".repeat(256)
            + "\"}",
        "{\"namespace\":\"user_metadata\",\"name\":\"hostile\",\"keys\":1}",
        "{\"namespace\":\"user_metadata\",\"name\":\"profile\"}",
        "{\"namespace\":\"user_metadata\",\"name\":\"hostile\",\"claimName\":[]}");
    String url = "\"" + f.receiver.uri("/hook") + "\"";
    String[] endpoints = {
      "{}",
      "{\"url\":\"ftp://x.test/\",\"events\":[\"*\"]}",
      "{\"url\":\"http://169.254.169.254/latest/meta-data\",\"events\":[\"*\"]}",
      "{\"url\":\"http://127.0.0.1:8080/\",\"events\":[\"*\"]}",
      "{\"url\":\"http://localhost/\",\"events\":[\"*\"]}",
      "{\"url\":\"http://[::1]/\",\"events\":[\"*\"]}",
      "{\"url\":\"http://0x7f000001/\",\"events\":[\"*\"]}",
      "{\"url\":\"http://2130706433/\",\"events\":[\"*\"]}",
      "{\"url\":\"x\",\"events\":[\"*\"]}",
      "{\"url\":\"http://a.test/\\u0000\",\"events\":[\"*\"]}",
      "{\"url\":\"http://a .test/\",\"events\":[\"*\"]}",
      "{\"url\":\"http://a.test/" + "x".repeat(3000) + "\",\"events\":[\"*\"]}",
      "{\"url\":" + url + ",\"events\":\"*\"}",
      "{\"url\":" + url + ",\"events\":[1]}",
      "{\"url\":" + url + ",\"events\":[\"no.such.event\"]}",
      "{\"url\":" + url + ",\"events\":[\"*\"],\"nope\":1}",
      "{\"url\":" + url + ",\"events\":[\"*\"],\"description\":\"" + "x".repeat(300) + "\"}",
      "{\"url\":" + url + ",\"events\":[\"*\"],\"description\":1}",
      "{\"url\":" + url + ",\"events\":[\"*\"],\"enabled\":\"yes\"}",
      "{\"url\":" + url + ",\"events\":[\"*\"],\"includeAppMetadata\":\"true\"}",
      "{\"url\":[" + url + "],\"events\":[\"*\"]}"
    };
    add(requests, "POST", Route.ADMIN_BASE + "/webhooks", JSON, endpoints);
    add(requests, "PUT", Route.ADMIN_BASE + "/webhooks/{id}", JSON, endpoints);
    add(
        requests,
        "POST",
        Route.REALM_BASE + "/organizations/{orgId}/members",
        JSON,
        "{}",
        "{\"username\":\"\"}",
        "{\"username\":123}",
        "{\"username\":null}",
        "{\"username\":\"hostile-d1\",\"enabled\":false}",
        "{\"username\":\"hostile-d2\",\"org\":{\"globex\":{\"a\":1}}}",
        "{\"username\":\"" + "x".repeat(300) + "\"}",
        "{\"username\":\"hostile-d3\",\"email\":\"not-an-email\"}",
        "{\"username\":\"hostile-d4\",\"org\":\"x\"}",
        "{\"username\":\"hostile-d5\",\"org\":{\"acme\":\"x\"}}",
        "{\"username\":\"hostile-d6\",\"org\":{\"acme\":{\"bad key\":1}}}",
        "{\"username\":\"hostile-d7\",\"org\":{\"acme\":{\"a\":" + deep9 + "}}}",
        "{\"username\":\"hostile-d8\",\"first_name\":\"" + "x".repeat(300) + "\"}",
        "{\"username\":\"hostile-d9\",\"email\":123}",
        "{\"username\":\"hostile-d10\",\"password\":\"x\"}",
        "{\"username\":\"hostile-d11\",\"realm_roles\":[\"admin\"]}",
        "{\"username\":\"member-b\"}",
        "{\"username\":\"hostile-d12\",\"email\":\"member-b@example.test\"}");
    add(
        requests,
        "PATCH",
        Route.REALM_BASE + "/organizations/{orgId}/members/{userId}",
        MERGE_PATCH,
        "{\"username\":\"renamed\"}",
        "{\"enabled\":false}",
        "{\"email\":123}",
        "{\"email\":\"not-an-email\"}",
        "{\"email\":\"member-b@example.test\"}",
        "{\"org\":{\"acme\":\"str\"}}",
        "{\"org\":[]}",
        "{\"org\":{\"globex\":{\"a\":1}}}",
        "{\"first_name\":\"" + "x".repeat(300) + "\"}",
        "{\"first_name\":[\"x\"]}",
        "{\"org\":{\"acme\":{\"bad key\":1}}}",
        "{\"org\":{\"acme\":{\"a\":" + deep9 + "}}}",
        "{\"first_name\":\"Partial\",\"org\":{\"acme\":{\"bad key\":1}}}",
        "{\"first_name\":\"Partial\",\"email\":\"not-an-email\"}",
        "{\"last_name\":\"Partial\",\"org\":{\"globex\":{\"a\":1}}}",
        "{\"first_name\":\"Partial\",\"org\":{\"acme\":{\"a\":" + big + "}}}");
    add(
        requests,
        "PATCH",
        Route.REALM_BASE + "/me",
        MERGE_PATCH,
        "{\"app_metadata\":{\"x\":1}}",
        "{\"status\":{\"x\":1}}",
        "{\"custom_data\":{\"x\":1}}",
        "{\"idp\":{\"google\":{\"sub\":\"x\"}}}",
        "{\"org\":{\"acme\":{\"x\":1}}}",
        "{\"user_metadata\":\"x\"}",
        "{\"user_metadata\":{\"bad key\":1}}",
        "{\"profile\":{\"evil\":1}}",
        "{\"user_metadata\":{\"a\":" + deep9 + "}}",
        "{\"user_metadata\":{\"a\":" + big + "}}",
        "{\"user_metadata\":{\"ok\":\"1\"},\"app_metadata\":{\"x\":1}}",
        "{\"user_metadata\":{\"ok\":\"1\"},\"profile\":{\"evil\":1}}");
    requests.addAll(importLines());
    return requests;
  }

  /** Import bodies whose lines are all bad: each line answers an error and creates no one. */
  private List<Hostile> importLines() {
    Route route = new Route("POST", Route.ADMIN_BASE + "/import");
    List<Hostile> requests = new ArrayList<>();
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("wrong types", "{\"username\":123}\n{\"username\":\"\"}\n{}\n[]\nnull\n\"x\"\n");
    bodies.put(
        "bad fields",
        "{\"username\":\"hostile-i1\",\"user_metadata\":{\"bad key\":1}}\n"
            // The import keeps an address as the old system had it (no format check): may import.
            + "{\"username\":\"scratch-i2\",\"email\":\"not-an-email\"}\n"
            + "{\"username\":\"hostile-i3\",\"app_metadata\":\"x\"}\n"
            + "{\"username\":\"hostile-i4\",\"enabled\":\"yes\"}\n"
            + "{\"username\":\"hostile-i5\",\"groups\":\"x\"}\n"
            + "{\"username\":\"hostile-i6\",\"realm_roles\":\"x\"}\n"
            // status is part of an export, accepted and ignored on import: may import.
            + "{\"username\":\"scratch-i7\",\"status\":{\"x\":1}}\n"
            + "{\"username\":\"hostile-i8\",\"user_metadata\":{\"a\":"
            + nest("{\"a\":", "1", "}", 9)
            + "}}\n");
    bodies.put(
        "bad password hashes",
        "{\"username\":\"hostile-i9\",\"password_hash\":\"x\"}\n"
            + "{\"username\":\"hostile-i10\",\"password_hash\":{\"algorithm\":\"md5\","
            + "\"hash\":\"x\"}}\n"
            + "{\"username\":\"hostile-i11\",\"password_hash\":{\"algorithm\":\"bcrypt\","
            + "\"hash\":\"$2b$\"}}\n");
    bodies.put("CRLF and lone CR", "{\"username\":1}\r\n{\"username\":2}\r{\"username\":3}\r\n");
    bodies.put("10,000 blank lines", "\n".repeat(10_000));
    bodies.put("a line nested 10,000 deep", nest("[", "", "]", 10_000) + "\n");
    bodies.put("a 2 MiB line", "{\"username\":\"" + "x".repeat(2 << 20) + "\"}\n");
    for (var body : bodies.entrySet()) {
      requests.add(
          at(route, "import: " + body.getKey()).body(NDJSON, body.getValue()).mayBeAccepted());
    }
    for (String source : List.of("nope", "x".repeat(5000), "..%2Fkc-userdata", "AUTH", "%00")) {
      requests.add(
          Hostile.refused(
                  "import source " + RawHttp.abbreviate(source),
                  REALM_ADMIN,
                  "POST",
                  fill(route.template()) + "?source=" + source,
                  route)
              .body(NDJSON, "{\"username\":1}\n")
              .keycloakMayAnswer());
    }
    requests.add(
        Hostile.refused(
                "auth0 lines of the wrong shape",
                REALM_ADMIN,
                "POST",
                fill(route.template()) + "?source=auth0",
                route)
            .mayBeAccepted()
            .body(NDJSON, "{\"user_id\":1}\n{\"email\":[]}\n[]\n"));
    requests.add(
        Hostile.refused(
                "logto lines of the wrong shape",
                REALM_ADMIN,
                "POST",
                fill(route.template()) + "?source=logto",
                route)
            .mayBeAccepted()
            .body(NDJSON, "{\"id\":[]}\n{\"username\":{}}\n"));
    return requests;
  }

  /** A valid body under a media type the endpoint does not take. */
  List<Hostile> wrongContentTypes() {
    List<Hostile> requests = new ArrayList<>();
    List<String> types =
        List.of(
            "text/plain",
            "application/xml",
            "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded",
            "application/jsonx",
            "json",
            "*/*",
            "application/json-patch+json",
            "application/" + "x".repeat(5000));
    for (Shape shape : shapes.values()) {
      byte[] body = utf8(shape.validBody() == null ? "{\"username\":1}\n" : shape.validBody());
      requests.add(at(shape.route(), "no Content-Type").body(null, body));
      for (String type : types) {
        requests.add(
            at(shape.route(), "Content-Type " + RawHttp.abbreviate(type)).body(type, body));
      }
      String other =
          shape.contentType().equals(NDJSON)
              ? JSON
              : shape.route().method().equals("PATCH") ? NDJSON : MERGE_PATCH;
      requests.add(at(shape.route(), "Content-Type " + other).body(other, body));
    }
    return requests;
  }

  /** Ids that name nothing, name something of another realm, or try to leave the path. */
  List<Hostile> badIds() {
    List<Hostile> requests = new ArrayList<>();
    for (Route route : routes) {
      Matcher slots = SLOT.matcher(route.template());
      while (slots.find()) {
        String slot = slots.group(1);
        for (String bad : badValues(slot, route)) {
          String path = fill(route.template().replace("{" + slot + "}", bad));
          Hostile request =
              Hostile.refused(
                  "{" + slot + "} = " + RawHttp.abbreviate(bad),
                  sender(route),
                  route.method(),
                  path,
                  route);
          Shape shape = shapes.get(route);
          if (shape != null && shape.validBody() != null) {
            request = request.body(shape.contentType(), shape.validBody());
          }
          if (slot.equals("namespace") && route.method().equals("GET")) {
            // Reading a namespace the user has no data in answers {}: nothing to refuse.
            request = request.mayBeAccepted();
          }
          if (slot.equals("realm") || bad.equals("%ZZ")) {
            // An unknown realm, or a URL the HTTP layer cannot decode: Keycloak answers first.
            request = request.keycloakMayAnswer();
          }
          if (route.method().equals("OPTIONS") || route.template().contains("/delegated-admin")) {
            request = request.mayBeAccepted();
          }
          if (route.method().equals("DELETE") && route.template().endsWith("/admins/{userId}")) {
            // Removing someone who is not an admin is a no-op: 204, nothing written.
            request = request.mayBeAccepted();
          }
          requests.add(request);
        }
      }
    }
    return requests;
  }

  private List<String> badValues(String slot, Route route) {
    List<String> values =
        new ArrayList<>(
            List.of(
                "nope",
                "00000000-0000-0000-0000-000000000000",
                "x".repeat(300),
                "x".repeat(5000),
                "..",
                "..%2F..%2F..%2Fmaster",
                "%2e%2e%2f",
                "%00",
                "%ZZ",
                "a%20b",
                "%27%20OR%20%271%27=%271",
                "%ED%A0%80",
                "%C0%AF",
                "*"));
    switch (slot) {
      case "realm" -> {
        values.clear();
        values.addAll(List.of(f.other.name(), "nope", "%2e%2e"));
      }
      case "id" -> {
        if (route.template().contains("/webhooks/")) {
          values.addAll(List.of(f.otherWebhook, f.id("subject")));
        } else {
          values.addAll(List.of(f.otherUser, f.acme, f.webhook));
        }
      }
      // Organization B and its member are fine for a realm admin, out of reach for A's admin.
      case "userId" ->
          values.addAll(
              TrustFixture.delegatedApi(route)
                  ? List.of(f.otherUser, f.acme, f.id("member-b"))
                  : List.of(f.otherUser, f.acme));
      case "orgId" ->
          values.addAll(
              TrustFixture.delegatedApi(route)
                  ? List.of(f.otherOrganization, f.globex, f.id("subject"))
                  : List.of(f.otherOrganization, f.id("subject")));
      case "deliveryId" -> values.add(f.webhook);
      case "namespace" -> values.addAll(List.of("org.initech", "idp.%2e%2e", "org.%2e%2e"));
      case "file" ->
          values.addAll(
              List.of(
                  "..%2F..%2F..%2Fconf%2Fkeycloak.conf",
                  "index.html%00.js", "app.js%2F..", "APP.JS", ".", "%2e", "..%5Capp.js"));
      default ->
          throw new IllegalStateException(
              "no bad values for {" + slot + "} of " + route + ": add them to HostileRequests");
    }
    return values;
  }

  /** Every method a path does not take. */
  List<Hostile> unsupportedMethods() {
    List<Hostile> requests = new ArrayList<>();
    Map<String, Set<String>> byPath = new LinkedHashMap<>();
    for (Route route : routes) {
      byPath.computeIfAbsent(route.template(), k -> new TreeSet<>()).add(route.method());
    }
    byPath.forEach(
        (template, methods) -> {
          Route any = new Route(methods.iterator().next(), template);
          for (String method : METHODS) {
            if (!methods.contains(method)) {
              requests.add(
                  Hostile.refused(
                          "method " + method + " on " + template,
                          sender(any),
                          method,
                          fill(template),
                          null)
                      // No route takes the method: Keycloak's router answers, in its own format.
                      .keycloakMayAnswer());
            }
          }
        });
    return requests;
  }

  /** Query parameters out of range, of the wrong type, or crafted. */
  List<Hostile> badQueries() {
    List<Hostile> requests = new ArrayList<>();
    query(
        requests,
        Route.ADMIN_BASE + "/export",
        "format=xml",
        "format=",
        "format=NDJSON",
        "format=ndjson%00",
        "format=csv&format=ndjson",
        "max=-1",
        "max=0",
        "max=abc",
        "max=99999999999999999999",
        "max=1e3",
        "max=%20",
        "after=garbage",
        "after=%00",
        "after=" + "x".repeat(5000),
        "after=%27%20OR%20%271%27=%271",
        "q=:",
        "q=custom_data.x:",
        "q=a:b:c",
        "q=" + "a".repeat(5000),
        "q=%27",
        "q=%00",
        "q=status.login_count:1%20OR%201=1",
        "q=app_metadata.a.b.c.d.e.f.g.h.i:1",
        "q=custom_data.%E2%80%AE:x",
        "fields=nope",
        "fields=,,,",
        "fields=app_metadata.x.y",
        "fields=" + "f,".repeat(2000),
        "fields=..%2F",
        "fields=password",
        "format=csv&fields=nope",
        "format=csv&q=%00");
    query(
        requests,
        Route.ADMIN_BASE + "/webhooks/{id}/deliveries",
        "status=nope",
        "status=",
        "status=PENDING",
        "first=-1",
        "max=-1",
        "max=0",
        "max=100000000",
        "first=abc",
        "max=abc",
        "first=2147483648",
        "max=1e2",
        "first=%00");
    query(
        requests,
        Route.REALM_BASE + "/organizations/{orgId}/members",
        "search=%25",
        "search=*",
        "search=" + "s".repeat(5000),
        "search=%00",
        "search=%27",
        "first=-1",
        "max=0",
        "max=101",
        "first=abc",
        "max=abc",
        "first=99999999999",
        "max=1e2");
    return requests;
  }

  private void query(List<Hostile> requests, String template, String... queries) {
    Route route = new Route("GET", template);
    for (String query : queries) {
      Hostile request =
          Hostile.refused(
                  "query " + RawHttp.abbreviate(query),
                  sender(route),
                  "GET",
                  fill(template) + "?" + query,
                  route)
              .mayBeAccepted();
      // Keycloak refuses a NUL in a query itself, before any endpoint.
      requests.add(query.contains("%00") ? request.keycloakMayAnswer() : request);
    }
  }

  /** If-Match values that match no version; {@code *} may match, so only on scratch data. */
  List<Hostile> badIfMatch() {
    List<Hostile> requests = new ArrayList<>();
    List<String> values =
        List.of(
            "garbage",
            "\"\"",
            "W/\"x\"",
            "\"a\", \"b\"",
            "\"",
            "\"" + "x".repeat(10_000) + "\"",
            "W/",
            "\"*\"");
    for (Route route :
        List.of(
            new Route("PATCH", Route.ADMIN_BASE + "/users/{id}"),
            new Route("PUT", Route.ADMIN_BASE + "/users/{id}/{namespace}"),
            new Route("PATCH", Route.REALM_BASE + "/me"))) {
      Shape shape = shapes.get(route);
      for (String value : values) {
        requests.add(
            at(route, "If-Match " + RawHttp.abbreviate(value))
                .body(shape.contentType(), shape.validBody())
                .header("If-Match", value));
      }
    }
    requests.add(
        scratch(
                "If-Match *",
                REALM_ADMIN,
                "PATCH",
                f.admin("/users/" + f.id("scratch")),
                Route.ADMIN_BASE + "/users/{id}")
            .body(MERGE_PATCH, custom("star"))
            .header("If-Match", "*"));
    requests.add(
        scratch("If-Match *", SCRATCH, "PATCH", f.self("/me"), Route.REALM_BASE + "/me")
            .body(MERGE_PATCH, "{\"user_metadata\":{\"star\":\"1\"}}")
            .header("If-Match", "*"));
    return requests;
  }

  /**
   * Odd Unicode in values that may be stored (NUL, lone and reversed surrogates, bidi overrides,
   * non-characters), written to scratch objects, then every way of reading them back.
   */
  List<Hostile> oddUnicode() {
    List<Hostile> requests = new ArrayList<>();
    Map<String, String> values = oddValues();
    String scratch = f.id("scratch");
    String member = f.self("/organizations/" + f.acme + "/members/" + scratch);
    values.forEach(
        (what, value) ->
            requests.add(
                scratch(what, SCRATCH, "PATCH", f.self("/me"), Route.REALM_BASE + "/me")
                    .body(MERGE_PATCH, "{\"user_metadata\":{\"v\":\"" + value + "\"}}")));
    for (String number :
        List.of("1e999999", "-1e999999", "1e-999999", "9".repeat(900), "-0", "0.1e310")) {
      requests.add(
          scratch(
                  "the number " + RawHttp.abbreviate(number),
                  SCRATCH,
                  "PATCH",
                  f.self("/me"),
                  Route.REALM_BASE + "/me")
              .body(MERGE_PATCH, "{\"user_metadata\":{\"n\":" + number + "}}"));
      requests.add(
          scratch(
                  "the number " + RawHttp.abbreviate(number),
                  REALM_ADMIN,
                  "PATCH",
                  f.admin("/users/" + scratch),
                  Route.ADMIN_BASE + "/users/{id}")
              .body(MERGE_PATCH, "{\"custom_data\":{\"n\":" + number + "}}"));
    }
    requests.add(scratch("read back", SCRATCH, "GET", f.self("/me"), Route.REALM_BASE + "/me"));
    requests.add(
        scratch(
            "read back", SCRATCH, "GET", f.self("/me/export"), Route.REALM_BASE + "/me/export"));
    values.forEach(
        (what, value) -> {
          requests.add(
              scratch(
                      what,
                      REALM_ADMIN,
                      "PATCH",
                      f.admin("/users/" + scratch),
                      Route.ADMIN_BASE + "/users/{id}")
                  .body(MERGE_PATCH, custom(value)));
          requests.add(
              scratch(
                      what + " as a key",
                      REALM_ADMIN,
                      "PATCH",
                      f.admin("/users/" + scratch),
                      Route.ADMIN_BASE + "/users/{id}")
                  .body(MERGE_PATCH, "{\"custom_data\":{\"" + value + "\":\"1\"}}"));
          requests.add(
              scratch(
                      what,
                      REALM_ADMIN,
                      "PUT",
                      f.admin("/users/" + scratch + "/app_metadata"),
                      Route.ADMIN_BASE + "/users/{id}/{namespace}")
                  .body(JSON, "{\"v\":[\"" + value + "\"]}"));
          requests.add(
              scratch(
                      what,
                      DELEGATED_ADMIN,
                      "PATCH",
                      member,
                      Route.REALM_BASE + "/organizations/{orgId}/members/{userId}")
                  .body(
                      MERGE_PATCH,
                      "{\"last_name\":\""
                          + value
                          + "\",\"org\":{\"acme\":{\"v\":\""
                          + value
                          + "\"}}}"));
          int n = ++sequence;
          requests.add(
              scratch(
                      what,
                      DELEGATED_ADMIN,
                      "POST",
                      f.self("/organizations/" + f.acme + "/members"),
                      Route.REALM_BASE + "/organizations/{orgId}/members")
                  .body(
                      JSON,
                      "{\"username\":\"scratch-d" + n + "\",\"first_name\":\"" + value + "\"}"));
          requests.add(
              scratch(what, REALM_ADMIN, "POST", f.admin("/import"), Route.ADMIN_BASE + "/import")
                  .body(
                      NDJSON,
                      "{\"username\":\"scratch-i"
                          + n
                          + "\",\"user_metadata\":{\"v\":\""
                          + value
                          + "\"}}\n"));
          requests.add(
              scratch(
                      what,
                      REALM_ADMIN,
                      "POST",
                      f.admin("/webhooks"),
                      Route.ADMIN_BASE + "/webhooks")
                  .body(JSON, f.webhookBody("scratch " + value, false)));
          requests.add(
              scratch(
                      what,
                      REALM_ADMIN,
                      "POST",
                      f.admin("/client-scopes"),
                      Route.ADMIN_BASE + "/client-scopes")
                  .body(
                      JSON,
                      "{\"namespace\":\"user_metadata\",\"name\":\"scratch-"
                          + n
                          + "\",\"consentText\":\""
                          + value
                          + "\"}"));
        });
    // Suspensions last: they end the scratch user's sessions.
    values.forEach(
        (what, value) -> {
          requests.add(
              scratch(
                      what,
                      REALM_ADMIN,
                      "POST",
                      f.admin("/users/" + scratch + "/suspend"),
                      Route.ADMIN_BASE + "/users/{id}/suspend")
                  .body(JSON, "{\"reason\":\"" + value + "\"}"));
          requests.add(
              scratch(
                      what,
                      DELEGATED_ADMIN,
                      "POST",
                      member + "/suspend",
                      Route.REALM_BASE + "/organizations/{orgId}/members/{userId}/suspend")
                  .body(JSON, "{\"reason\":\"" + value + "\"}"));
        });
    Map<String, String> reads = new LinkedHashMap<>();
    reads.put("", "");
    reads.put("/custom_data", "/{namespace}");
    reads.put("/app_metadata", "/{namespace}");
    reads.put("/status", "/{namespace}");
    reads.put("/export", "/export");
    reads.put("/blocked-clients", "/blocked-clients");
    reads.forEach(
        (read, template) ->
            requests.add(
                scratch(
                    "read back",
                    REALM_ADMIN,
                    "GET",
                    f.admin("/users/" + scratch + read),
                    Route.ADMIN_BASE + "/users/{id}" + template)));
    requests.add(
        scratch(
            "read back",
            DELEGATED_ADMIN,
            "GET",
            member,
            Route.REALM_BASE + "/organizations/{orgId}/members/{userId}"));
    requests.add(
        scratch(
            "read back",
            DELEGATED_ADMIN,
            "GET",
            f.self("/organizations/" + f.acme + "/members?search=scratch&max=100"),
            Route.REALM_BASE + "/organizations/{orgId}/members"));
    for (String format : List.of("ndjson", "csv")) {
      requests.add(
          scratch(
              "read back",
              REALM_ADMIN,
              "GET",
              f.admin("/export?format=" + format),
              Route.ADMIN_BASE + "/export"));
    }
    requests.add(
        scratch(
            "read back", REALM_ADMIN, "GET", f.admin("/webhooks"), Route.ADMIN_BASE + "/webhooks"));
    return requests;
  }

  // ---------------------------------------------------------------- bodies and values

  private static Map<String, byte[]> malformed() {
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    bodies.put("empty", new byte[0]);
    bodies.put("not JSON", utf8("hello"));
    bodies.put("truncated", utf8("{\"a\":"));
    bodies.put("a trailing comma", utf8("{\"a\":1,}"));
    bodies.put("two documents", utf8("{} {}"));
    bodies.put("duplicate keys", utf8("{\"custom_data\":{\"a\":1},\"custom_data\":{\"a\":2}}"));
    bodies.put("JSON null", utf8("null"));
    bodies.put("an empty array", utf8("[]"));
    bodies.put("a string", utf8("\"x\""));
    bodies.put("a number", utf8("42"));
    bodies.put("a boolean", utf8("true"));
    bodies.put("10,000 nested arrays", utf8(nest("[", "", "]", 10_000)));
    bodies.put("10,000 nested objects", utf8(nest("{\"a\":", "1", "}", 10_000)));
    bodies.put("1,000 nested arrays", utf8(nest("[", "", "]", 1_000)));
    bodies.put("99 nested objects", utf8(nest("{\"a\":", "1", "}", 99)));
    bodies.put("a 2 MiB string", utf8("{\"a\":\"" + "x".repeat(2 << 20) + "\"}"));
    bodies.put("a string just under 1 MiB", utf8("{\"a\":\"" + "x".repeat(1_000_000) + "\"}"));
    bodies.put("900 KiB of whitespace", utf8(" ".repeat(900 << 10) + "null"));
    bodies.put("50,000 keys", utf8(manyKeys(50_000)));
    bodies.put("a raw NUL byte", utf8("{\"a\":\"\u0000\"}"));
    bodies.put("invalid UTF-8", bytes("{\"a\":\"", new byte[] {(byte) 0xC3, 0x28}, "\"}"));
    bodies.put("overlong UTF-8", bytes("{\"a\":\"", new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}"));
    bodies.put(
        "a UTF-8 BOM", bytes("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "null"));
    bodies.put("UTF-16", "{\"a\":1}".getBytes(StandardCharsets.UTF_16LE));
    bodies.put("a lone surrogate in a key", utf8("{\"\\ud800\":1}"));
    bodies.put("NUL in a key", utf8("{\"\\u0000\":1}"));
    bodies.put("a number of 1e999999", utf8("{\"a\":1e999999}"));
    bodies.put("a number of 5,000 digits", utf8("{\"a\":" + "9".repeat(5000) + "}"));
    bodies.put("a comment", utf8("/* x */ {}"));
    bodies.put("single quotes", utf8("{'a':1}"));
    bodies.put("NaN", utf8("{\"a\":NaN}"));
    bodies.put("an unquoted key", utf8("{a:1}"));
    bodies.put("a raw tab in a string", utf8("{\"a\":\"\t\"}"));
    bodies.put("a 100,000-character key", utf8("{\"" + "k".repeat(100_000) + "\":1}"));
    bodies.put("only whitespace", utf8(" \n\t "));
    bodies.put("form data", utf8("a=b&c=d"));
    bodies.put("XML", utf8("<a>1</a>"));
    return bodies;
  }

  private static Map<String, String> oddValues() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("NUL", "\\u0000");
    values.put("a lone high surrogate", "\\ud800");
    values.put("a lone low surrogate", "\\udc00");
    values.put("a reversed surrogate pair", "\\udc00\\ud800");
    values.put("a byte-order mark", "\\ufeff");
    values.put("a right-to-left override", "\\u202e");
    values.put("a zero-width space", "\\u200b");
    values.put("the non-character U+FFFF", "\\uffff");
    values.put("the non-character U+FFFE", "\\ufffe");
    values.put("1,000 combining marks", "e" + "\\u0301".repeat(1000));
    values.put("an emoji", "\uD83D\uDCA9");
    values.put("a line separator", "\\u2028");
    values.put("CR LF", "\\r\\n");
    values.put("2,000 two-byte characters", "é".repeat(2000));
    values.put("a spreadsheet formula", "=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")");
    return values;
  }

  // ---------------------------------------------------------------- helpers

  private void add(
      List<Hostile> requests, String method, String template, String type, String... bodies) {
    Route route = new Route(method, template);
    for (String body : bodies) {
      requests.add(at(route, "body " + RawHttp.abbreviate(body)).body(type, body));
    }
  }

  /** A request to {@code route} with its standing targets, refused by intent. */
  private Hostile at(Route route, String what) {
    return Hostile.refused(what, sender(route), route.method(), fill(route.template()), route);
  }

  private Hostile scratch(String what, Sender sender, String method, String path, String template) {
    return Hostile.refused(what, sender, method, path, new Route(method, template))
        .mayWriteScratch();
  }

  /** A caller who passes the route's authorization. */
  private static Sender sender(Route route) {
    if (route.template().startsWith(Route.ADMIN_BASE)) {
      return REALM_ADMIN;
    }
    if (TrustFixture.delegatedApi(route)) {
      return DELEGATED_ADMIN;
    }
    if (route.template().startsWith(Route.REALM_BASE + "/me")) {
      return USER;
    }
    return ANONYMOUS;
  }

  /** The template with the fixture's standing targets: users and webhooks that must not change. */
  private String fill(String template) {
    return template
        .replace("{realm}", f.realm.name())
        .replace("{id}", template.contains("/webhooks/") ? f.webhook : f.id("subject"))
        .replace("{namespace}", "custom_data")
        .replace("{deliveryId}", f.webhookMessage)
        .replace("{file}", "app.js")
        .replace("{orgId}", f.acme)
        .replace("{userId}", template.contains("/members/") ? f.id("member-a") : f.id("candidate"));
  }

  private static String custom(String value) {
    return "{\"custom_data\":{\"hostile\":\"" + value + "\"}}";
  }

  static String nest(String open, String inner, String close, int depth) {
    return open.repeat(depth) + inner + close.repeat(depth);
  }

  private static String manyKeys(int count) {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < count; i++) {
      json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
    }
    return json.append('}').toString();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String before, byte[] middle, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8(before));
    out.writeBytes(middle);
    out.writeBytes(utf8(after));
    return out.toByteArray();
  }
}
