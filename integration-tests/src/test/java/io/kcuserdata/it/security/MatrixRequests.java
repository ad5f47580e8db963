package io.kcuserdata.it.security;

import static io.kcuserdata.it.security.Route.ADMIN_BASE;
import static io.kcuserdata.it.security.Route.REALM_BASE;

import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How the permission matrix calls each row of {@link PermissionTable}: the targets in the path, a
 * body that would succeed for a caller with the right, what a refused call must leave unchanged,
 * and what to put back after a call that succeeded so the next caller meets the same state.
 */
final class MatrixRequests {

  /** One request of one caller, and how to check that a refusal changed nothing. */
  static final class Call {
    final String method;
    final String path;
    String contentType;
    String body;
    final List<String> headers = new ArrayList<>();
    Supplier<String> state;
    Runnable afterSuccess = () -> {};
    boolean sendsMail;

    private Call(String method, String path) {
      this.method = method;
      this.path = path;
    }

    Call body(String contentType, String body) {
      this.contentType = contentType;
      this.body = body;
      return this;
    }

    Call header(String name, String value) {
      headers.add(name);
      headers.add(value);
      return this;
    }

    /** What must be the same after a refusal (read as the master admin). */
    Call unchanged(Supplier<String> state) {
      this.state = state;
      return this;
    }

    Call afterSuccess(Runnable restore) {
      this.afterSuccess = restore;
      return this;
    }

    /** A refusal must send no e-mail either. */
    Call sendsMail() {
      this.sendsMail = true;
      return this;
    }

    /** This request, made through {@code api} (with its caller's token). */
    Answer send(HttpApi api) {
      return api.send(method, path, contentType, body, headers.toArray(String[]::new));
    }

    @Override
    public String toString() {
      return method + " " + path + (body == null ? "" : " " + abbreviate(body));
    }

    private static String abbreviate(String text) {
      return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
  }

  private static final String JSON = "application/json";
  private static final String MERGE_PATCH = "application/merge-patch+json";
  private static final String NDJSON = "application/x-ndjson";

  private final TrustFixture f;
  private final Map<String, Function<Caller, Call>> recipes = new LinkedHashMap<>();
  private int sequence;
  private String doomedWebhook;

  MatrixRequests(TrustFixture f) {
    this.f = f;
    adminUserData();
    adminRealmWide();
    webhooks();
    selfService();
    delegatedAdministration();
  }

  /** The labels of the rows this class knows how to call. */
  Set<String> labels() {
    return recipes.keySet();
  }

  Call call(PermissionTable.Row row, Caller caller) {
    Function<Caller, Call> recipe = recipes.get(row.label());
    if (recipe == null) {
      throw new IllegalStateException("no request for " + row.label() + " in MatrixRequests");
    }
    return recipe.apply(caller);
  }

  private void adminUserData() {
    String user = ADMIN_BASE + "/users/{id}";
    Supplier<String> subject = () -> f.userState(f.id("subject"));
    on("GET", user, c -> to("GET", user));
    on(
        "PATCH",
        user,
        c ->
            to("PATCH", user)
                .body(MERGE_PATCH, "{\"custom_data\":{\"matrix\":\"" + next() + "\"}}")
                .unchanged(subject));
    on("GET", user + "/{namespace}", c -> to("GET", user + "/{namespace}"));
    on(
        "PUT",
        user + "/{namespace}",
        c ->
            to("PUT", user + "/{namespace}")
                .body(JSON, "{\"matrix\":\"" + next() + "\"}")
                .unchanged(subject));
    on("GET", user + "/export", c -> to("GET", user + "/export"));
    on(
        "POST",
        user + "/suspend",
        c ->
            to("POST", user + "/suspend")
                .body(JSON, "{\"reason\":\"permission matrix\"}")
                .unchanged(subject));
    on("POST", user + "/unsuspend", c -> to("POST", user + "/unsuspend").unchanged(subject));
    on("GET", user + "/blocked-clients", c -> to("GET", user + "/blocked-clients"));
    on(
        "PUT",
        user + "/blocked-clients",
        c -> to("PUT", user + "/blocked-clients").body(JSON, "[\"test-app\"]").unchanged(subject));
  }

  private void adminRealmWide() {
    on("GET", ADMIN_BASE + "/export", c -> to("GET", ADMIN_BASE + "/export?format=ndjson"));
    on(
        "POST",
        ADMIN_BASE + "/import",
        c ->
            to("POST", ADMIN_BASE + "/import")
                .body(NDJSON, "{\"username\":\"imported-" + next() + "\"}\n")
                .unchanged(f::usernames));
    on(
        "POST",
        ADMIN_BASE + "/client-scopes",
        c ->
            to("POST", ADMIN_BASE + "/client-scopes")
                .body(JSON, "{\"namespace\":\"user_metadata\",\"name\":\"consent-" + next() + "\"}")
                .unchanged(f::clientScopeNames));
    on(
        "POST",
        ADMIN_BASE + "/delegated-admin/client",
        c -> to("POST", ADMIN_BASE + "/delegated-admin/client").unchanged(f::clientIds));
    String schema = ADMIN_BASE + "/schemas/{namespace}";
    on("GET", schema, c -> schemaCall(to("GET", schema)));
    on(
        "PUT",
        schema,
        c ->
            schemaCall(to("PUT", schema))
                .body(JSON, "{\"type\":\"object\",\"description\":\"matrix " + next() + "\"}"));
    on("DELETE", schema, c -> schemaCall(to("DELETE", schema)));
    on(
        "POST",
        schema + "/check",
        c -> schemaCall(to("POST", schema + "/check")).body(JSON, TrustFixture.SCHEMA));
    String admins = ADMIN_BASE + "/organizations/{orgId}/admins";
    on("GET", admins, c -> to("GET", admins));
    for (String method : List.of("PUT", "DELETE")) {
      on(
          method,
          admins + "/{userId}",
          c -> to(method, admins + "/{userId}").unchanged(() -> f.organizationAdmins(f.acme)));
    }
  }

  private void webhooks() {
    String hooks = ADMIN_BASE + "/webhooks";
    String hook = hooks + "/{id}";
    on("GET", hooks, c -> to("GET", hooks));
    on(
        "POST",
        hooks,
        c ->
            to("POST", hooks)
                .body(JSON, f.webhookBody("matrix " + next(), false))
                .unchanged(f::webhooksState));
    on(
        "POST",
        hooks + " +appMetadata",
        c ->
            to("POST", hooks)
                .body(JSON, f.webhookBody("matrix " + next(), true))
                .unchanged(f::webhooksState));
    on("GET", hook, c -> to("GET", hook));
    on(
        "PUT",
        hook,
        c ->
            to("PUT", hook)
                .body(JSON, f.webhookBody("matrix " + next(), false))
                .unchanged(f::webhooksState));
    on(
        "PUT",
        hook + " +appMetadata",
        c ->
            to("PUT", hook)
                .body(JSON, f.webhookBody("matrix " + next(), true))
                .unchanged(f::webhooksState)
                .afterSuccess(f::resetWebhook));
    on(
        "DELETE",
        hook,
        c -> {
          if (doomedWebhook == null) {
            doomedWebhook = f.newWebhook("to be deleted");
          }
          return new Call("DELETE", fill(hook.replace("{id}", doomedWebhook)))
              .unchanged(f::webhooksState)
              .afterSuccess(() -> doomedWebhook = null);
        });
    on(
        "POST",
        hook + "/rotate-secret",
        c -> to("POST", hook + "/rotate-secret").unchanged(f::webhooksState));
    on("POST", hook + "/test", c -> to("POST", hook + "/test").unchanged(f::webhookMessages));
    on("GET", hook + "/deliveries", c -> to("GET", hook + "/deliveries"));
    // A retry only changes the message's state, which deliveries change as they run.
    on(
        "POST",
        hook + "/deliveries/{deliveryId}/retry",
        c -> to("POST", hook + "/deliveries/{deliveryId}/retry"));
  }

  private void selfService() {
    String me = REALM_BASE + "/me";
    on("GET", me, c -> to("GET", me));
    on(
        "PATCH",
        me,
        c ->
            to("PATCH", me)
                .body(MERGE_PATCH, "{\"user_metadata\":{\"matrix\":\"" + next() + "\"}}")
                .unchanged(() -> f.userState(f.id(personOrUser(c)))));
    on("OPTIONS", me, c -> preflight(me));
    on("GET", me + "/export", c -> to("GET", me + "/export"));
    on("OPTIONS", me + "/export", c -> preflight(me + "/export"));
    on("GET", REALM_BASE + "/delegated-admin", c -> to("GET", REALM_BASE + "/delegated-admin/"));
    on(
        "GET",
        REALM_BASE + "/delegated-admin/{file}",
        c -> to("GET", REALM_BASE + "/delegated-admin/{file}"));
    on("GET", REALM_BASE + "/organizations", c -> to("GET", REALM_BASE + "/organizations"));
  }

  private void delegatedAdministration() {
    String members = REALM_BASE + "/organizations/{orgId}/members";
    String member = members + "/{userId}";
    on("GET", members, c -> to("GET", members));
    on(
        "POST",
        members,
        c ->
            to("POST", members)
                .body(JSON, "{\"username\":\"created-" + next() + "\"}")
                .unchanged(f::usernames));
    on("GET", member, c -> toMember("GET", member, c));
    on(
        "PATCH",
        member,
        c ->
            toMember("PATCH", member, c)
                .body(MERGE_PATCH, "{\"email\":\"changed-" + next() + "@example.test\"}"));
    on(
        "DELETE",
        member,
        c -> {
          String target = f.memberTarget(c);
          return toMember("DELETE", member, c).afterSuccess(() -> f.rejoinAcme(target));
        });
    on(
        "POST",
        member + "/suspend",
        c ->
            toMember("POST", member + "/suspend", c)
                .body(JSON, "{\"reason\":\"permission matrix\"}"));
    on("POST", member + "/unsuspend", c -> toMember("POST", member + "/unsuspend", c));
    for (String email : List.of("/send-verify-email", "/reset-password-email")) {
      on("POST", member + email, c -> toMember("POST", member + email, c).sendsMail());
    }
  }

  private void on(String method, String template, Function<Caller, Call> recipe) {
    if (recipes.put(method + " " + template, recipe) != null) {
      throw new IllegalStateException("two requests for " + method + " " + template);
    }
  }

  /** A call about custom_data's schema, which is attached before and put back after it. */
  private Call schemaCall(Call call) {
    f.attachSchema();
    return call.unchanged(f::schemaState).afterSuccess(f::attachSchema);
  }

  /** A call to {@code template} with the realm and the fixture's standing targets filled in. */
  private Call to(String method, String template) {
    return new Call(method, fill(template));
  }

  /** A call to one member of organization A: the member {@code caller} acts on. */
  private Call toMember(String method, String template, Caller caller) {
    String target = f.memberTarget(caller);
    return new Call(method, fill(template.replace("{userId}", target)))
        .unchanged(() -> f.userState(target));
  }

  private Call preflight(String template) {
    return to("OPTIONS", template)
        .header("Origin", "https://app.example.test")
        .header("Access-Control-Request-Method", "PATCH")
        .header("Access-Control-Request-Headers", "authorization, content-type");
  }

  private String fill(String template) {
    return template
        .replace("{realm}", f.realm.name())
        .replace("{id}", template.contains("/webhooks/") ? f.webhook : f.id("subject"))
        .replace("{namespace}", "custom_data")
        .replace("{deliveryId}", f.webhookMessage)
        .replace("{file}", "app.js")
        .replace("{orgId}", f.acme)
        .replace("{userId}", f.id("candidate"));
  }

  private String personOrUser(Caller caller) {
    String person = f.person(caller);
    return person == null ? "user" : person;
  }

  private int next() {
    return ++sequence;
  }
}
