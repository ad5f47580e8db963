package io.kcuserdata.it.security;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who gets what from every endpoint of the pack: one row per route (a variant after {@code +} when
 * one route needs two bodies), one column per {@link Caller}, the expected HTTP status in each
 * cell. The rule behind it is Keycloak's own: reads of users need view-users, writes manage-users,
 * export view-users or query-users, webhooks manage-events or manage-realm, naming delegated admins
 * manage-realm, the page's client and consent scopes manage-clients, namespaces' schemas view-realm
 * or query-users to read and manage-realm to change (the dry run view-users too); the self-service
 * endpoints take the user's own token; the delegated-admin API takes a token of the page's client
 * from an admin of the organization and answers 404 for an organization or member out of reach.
 *
 * <p>A route of the pack without a row fails {@code PermissionTableRoutesTest}; so does a row for a
 * route that does not exist. A {@code #} starts a comment.
 */
final class PermissionTable {

  static final String TABLE =
      """
          callers:                                            anon user other view manage query events clients realm admin | A    B    AB   Badm role app

          /admin/realms/{realm}/user-data
          GET     users/{id}                                  401  403  403   200  200    403   403    403     403   200   | 403  403  403  403  403  403
          PATCH   users/{id}                                  401  403  403   403  200    403   403    403     403   200   | 403  403  403  403  403  403
          GET     users/{id}/{namespace}                      401  403  403   200  200    403   403    403     403   200   | 403  403  403  403  403  403
          PUT     users/{id}/{namespace}                      401  403  403   403  200    403   403    403     403   200   | 403  403  403  403  403  403
          GET     users/{id}/export                           401  403  403   200  200    403   403    403     403   200   | 403  403  403  403  403  403
          POST    users/{id}/suspend                          401  403  403   403  200    403   403    403     403   200   | 403  403  403  403  403  403
          POST    users/{id}/unsuspend                        401  403  403   403  200    403   403    403     403   200   | 403  403  403  403  403  403
          GET     users/{id}/blocked-clients                  401  403  403   200  200    403   403    403     403   200   | 403  403  403  403  403  403
          PUT     users/{id}/blocked-clients                  401  403  403   403  200    403   403    403     403   200   | 403  403  403  403  403  403
          GET     export                                      401  403  403   200  200    200   403    403     403   200   | 403  403  403  403  403  403
          POST    import                                      401  403  403   403  200    403   403    403     403   200   | 403  403  403  403  403  403
          POST    client-scopes                               401  403  403   403  403    403   403    201     403   201   | 403  403  403  403  403  403
          POST    delegated-admin/client                      401  403  403   403  403    403   403    200     403   200   | 403  403  403  403  403  403
          GET     schemas/{namespace}                         401  403  403   200  200    200   403    403     200   200   | 403  403  403  403  403  403
          PUT     schemas/{namespace}                         401  403  403   403  403    403   403    403     200   200   | 403  403  403  403  403  403
          DELETE  schemas/{namespace}                         401  403  403   403  403    403   403    403     204   204   | 403  403  403  403  403  403
          POST    schemas/{namespace}/check                   401  403  403   403  403    403   403    403     403   200   | 403  403  403  403  403  403
          GET     organizations/{orgId}/admins                401  403  403   403  403    403   403    403     200   200   | 403  403  403  403  403  403
          PUT     organizations/{orgId}/admins/{userId}       401  403  403   403  403    403   403    403     204   204   | 403  403  403  403  403  403
          DELETE  organizations/{orgId}/admins/{userId}       401  403  403   403  403    403   403    403     204   204   | 403  403  403  403  403  403
          GET     webhooks                                    401  403  403   403  403    403   200    403     200   200   | 403  403  403  403  403  403
          POST    webhooks                                    401  403  403   403  403    403   201    403     201   201   | 403  403  403  403  403  403
          POST    webhooks +appMetadata                       401  403  403   403  403    403   403    403     403   201   | 403  403  403  403  403  403
          GET     webhooks/{id}                               401  403  403   403  403    403   200    403     200   200   | 403  403  403  403  403  403
          PUT     webhooks/{id}                               401  403  403   403  403    403   200    403     200   200   | 403  403  403  403  403  403
          PUT     webhooks/{id} +appMetadata                  401  403  403   403  403    403   403    403     403   200   | 403  403  403  403  403  403
          DELETE  webhooks/{id}                               401  403  403   403  403    403   204    403     204   204   | 403  403  403  403  403  403
          POST    webhooks/{id}/rotate-secret                 401  403  403   403  403    403   200    403     200   200   | 403  403  403  403  403  403
          POST    webhooks/{id}/test                          401  403  403   403  403    403   202    403     202   202   | 403  403  403  403  403  403
          GET     webhooks/{id}/deliveries                    401  403  403   403  403    403   200    403     200   200   | 403  403  403  403  403  403
          POST    webhooks/{id}/deliveries/{deliveryId}/retry 401  403  403   403  403    403   202    403     202   202   | 403  403  403  403  403  403

          /realms/{realm}/user-data
          GET     me                                          401  200  401   200  200    200   200    200     200   200   | 200  200  200  200  200  200
          PATCH   me                                          401  200  401   200  200    200   200    200     200   200   | 200  200  200  200  200  200
          OPTIONS me                                          200  200  200   200  200    200   200    200     200   200   | 200  200  200  200  200  200
          GET     me/export                                   401  200  401   200  200    200   200    200     200   200   | 200  200  200  200  200  200
          OPTIONS me/export                                   200  200  200   200  200    200   200    200     200   200   | 200  200  200  200  200  200
          GET     delegated-admin                             200  200  200   200  200    200   200    200     200   200   | 200  200  200  200  200  200
          GET     delegated-admin/{file}                      200  200  200   200  200    200   200    200     200   200   | 200  200  200  200  200  200
          GET     organizations                               401  200  401   200  200    200   200    200     200   200   | 200  200  200  200  200  403

          /realms/{realm}/user-data/organizations/{orgId}
          GET     members                                     401  404  401   404  404    404   404    404     404   404   | 200  200  200  200  200  403
          POST    members                                     401  404  401   404  404    404   404    404     404   404   | 201  201  201  201  201  403
          GET     members/{userId}                            401  404  401   404  404    404   404    404     404   404   | 200  404  200  200  200  403
          PATCH   members/{userId}                            401  404  401   404  404    404   404    404     404   404   | 200  404  200  403  403  403
          DELETE  members/{userId}                            401  404  401   404  404    404   404    404     404   404   | 204  404  204  403  403  403
          POST    members/{userId}/suspend                    401  404  401   404  404    404   404    404     404   404   | 200  404  200  403  403  403
          POST    members/{userId}/unsuspend                  401  404  401   404  404    404   404    404     404   404   | 200  404  200  403  403  403
          POST    members/{userId}/send-verify-email          401  404  401   404  404    404   404    404     404   404   | 204  404  204  403  403  403
          POST    members/{userId}/reset-password-email       401  404  401   404  404    404   404    404     404   404   | 204  404  204  403  403  403
          """;

  /** The status one caller gets. */
  record Expected(int status) {
    @Override
    public String toString() {
      return Integer.toString(status);
    }
  }

  /** One line of the table. */
  record Row(Route route, String variant, Map<Caller, Expected> expected) {

    /** The route and its variant, e.g. {@code POST /admin/realms/{realm}/user-data/webhooks +x}. */
    String label() {
      return route + (variant == null ? "" : " +" + variant);
    }
  }

  private PermissionTable() {}

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    List<Caller> columns = null;
    String base = null;
    Set<String> labels = new LinkedHashSet<>();
    for (String raw : TABLE.split("\n")) {
      String line = raw.strip();
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash).strip();
      }
      if (line.isEmpty()) {
        continue;
      }
      List<String> words = new ArrayList<>(List.of(line.split("\\s+")));
      words.remove("|");
      if (words.get(0).equals("callers:")) {
        columns = words.subList(1, words.size()).stream().map(Caller::ofColumn).toList();
        if (!columns.equals(List.of(Caller.values()))) {
          throw new IllegalStateException("the columns must be every caller, in order: " + line);
        }
      } else if (words.get(0).startsWith("/")) {
        base = words.get(0);
      } else {
        Row row = row(words, base, columns, line);
        if (!labels.add(row.label())) {
          throw new IllegalStateException("two rows for " + row.label());
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static Row row(List<String> words, String base, List<Caller> columns, String line) {
    if (base == null || columns == null) {
      throw new IllegalStateException("a row before the callers and a base path: " + line);
    }
    String variant = words.size() > 2 && words.get(2).startsWith("+") ? words.get(2) : null;
    List<String> cells = words.subList(variant == null ? 2 : 3, words.size());
    if (cells.size() != columns.size()) {
      throw new IllegalStateException(
          columns.size() + " statuses expected, " + cells.size() + " found: " + line);
    }
    Map<Caller, Expected> expected = new EnumMap<>(Caller.class);
    for (int i = 0; i < cells.size(); i++) {
      expected.put(columns.get(i), new Expected(Integer.parseInt(cells.get(i))));
    }
    Route route = new Route(words.get(0), PackRoutes.join(base, words.get(1)));
    return new Row(route, variant == null ? null : variant.substring(1), expected);
  }
}
