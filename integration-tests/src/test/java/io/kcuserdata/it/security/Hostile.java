package io.kcuserdata.it.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One malformed request: who sends it, exactly what goes on the wire, and whether the server must
 * refuse it. Requests that may be accepted ({@link #mayWrite}) only ever reach the scratch user and
 * objects named {@code scratch…}, which the no-partial-write check leaves out.
 *
 * @param what what is wrong with it, for the report
 * @param route the route it is aimed at (null for one no route matches)
 * @param mustRefuse whether any 2xx is itself a failure
 * @param keycloakFirst whether Keycloak itself may answer before the pack sees the request (an
 *     unknown realm, a method no route takes, a URL its HTTP layer cannot decode): then its own
 *     error format, {@code {"error":…}} or an empty 400, is accepted
 */
record Hostile(
    String what,
    Sender sender,
    String method,
    String path,
    String contentType,
    byte[] body,
    List<String> headers,
    Route route,
    boolean mustRefuse,
    boolean mayWrite,
    boolean keycloakFirst) {

  /** Who sends it: a caller who passes the endpoint's authorization, so the input is reached. */
  enum Sender {
    ANONYMOUS,
    /** realm-admin of the realm, for the admin API. */
    REALM_ADMIN,
    /** a user with default roles, for {@code /me}. */
    USER,
    /** the scratch user, for {@code /me} with input that may be stored. */
    SCRATCH,
    /** organization A's delegated admin with the page's token. */
    DELEGATED_ADMIN
  }

  static Hostile refused(String what, Sender sender, String method, String path, Route route) {
    return new Hostile(
        what, sender, method, path, null, null, List.of(), route, true, false, false);
  }

  Hostile body(String contentType, byte[] body) {
    return new Hostile(
        what,
        sender,
        method,
        path,
        contentType,
        body,
        headers,
        route,
        mustRefuse,
        mayWrite,
        keycloakFirst);
  }

  Hostile body(String contentType, String body) {
    return body(contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  Hostile header(String name, String value) {
    List<String> more = new ArrayList<>(headers);
    more.add(name);
    more.add(value);
    return new Hostile(
        what,
        sender,
        method,
        path,
        contentType,
        body,
        more,
        route,
        mustRefuse,
        mayWrite,
        keycloakFirst);
  }

  /** Not necessarily refused: a bad id on an idempotent delete, an odd but legal query. */
  Hostile mayBeAccepted() {
    return new Hostile(
        what, sender, method, path, contentType, body, headers, route, false, false, keycloakFirst);
  }

  /** May be accepted and stored: aimed at scratch objects only. */
  Hostile mayWriteScratch() {
    return new Hostile(
        what, sender, method, path, contentType, body, headers, route, false, true, keycloakFirst);
  }

  /** Keycloak may answer it before the pack: see {@link #keycloakFirst}. */
  Hostile keycloakMayAnswer() {
    return new Hostile(
        what, sender, method, path, contentType, body, headers, route, mustRefuse, mayWrite, true);
  }

  @Override
  public String toString() {
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    return what
        + ": "
        + sender
        + " "
        + method
        + " "
        + RawHttp.abbreviate(path)
        + (contentType == null ? "" : " [" + RawHttp.abbreviate(contentType) + "]")
        + (headers.isEmpty() ? "" : " " + RawHttp.abbreviate(String.join(" ", headers)))
        + (body == null ? "" : " body(" + body.length + " bytes): " + RawHttp.abbreviate(text));
  }
}
