package io.kcuserdata.admin.delegation;

import io.kcuserdata.admin.http.ApiError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The clients whose access tokens reach the delegated-admin API: the page's own client {@value
 * DelegatedAdminClient#CLIENT_ID} and those the server option {@value #OPTION} lists. A token is
 * judged by the client it was issued to ({@code azp}), so a token taken from any other application
 * of the realm (through a cross-site scripting flaw, a log, a leaky proxy) does not carry the
 * delegated admin's powers.
 */
public final class DelegatedAdminClients {

  /** The option of the {@code user-data} REST root provider that lists more clients. */
  public static final String OPTION = "delegated-admin-clients";

  private static final int MAX_CLIENT_ID = 255;

  private final Set<String> clientIds;

  private DelegatedAdminClients(Set<String> clientIds) {
    this.clientIds = clientIds;
  }

  /**
   * The page's client and those {@code option} lists (client ids, comma-separated; empty or absent:
   * none). A value that is not such a list stops the server: a typo must not silently shut the
   * delegated admins out, and there is no wildcard that lets every client in again.
   */
  public static DelegatedAdminClients parse(String option) {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(DelegatedAdminClient.CLIENT_ID);
    if (option == null || option.isBlank()) {
      return new DelegatedAdminClients(Set.copyOf(ids));
    }
    List<String> problems = new ArrayList<>();
    for (String item : option.split(",", -1)) {
      String clientId = item.trim();
      if (clientId.isEmpty()) {
        problems.add("an empty client id");
      } else if (clientId.contains("*")) {
        problems.add("'" + clientId + "' (there is no wildcard: list each client id)");
      } else if (clientId.length() > MAX_CLIENT_ID
          || clientId.chars().anyMatch(Character::isWhitespace)) {
        problems.add("'" + clientId + "' (not a client id)");
      } else {
        ids.add(clientId);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          OPTION
              + " lists the client ids whose tokens may call the delegated-admin API,"
              + " comma-separated; it has "
              + String.join(", ", problems));
    }
    return new DelegatedAdminClients(Set.copyOf(ids));
  }

  public boolean accepts(String issuedFor) {
    return issuedFor != null && clientIds.contains(issuedFor);
  }

  /** Refuses with 403, naming the rule, a token issued to a client not accepted here. */
  void requireAccepted(String issuedFor) {
    if (!accepts(issuedFor)) {
      throw ApiError.forbidden(
          "the delegated-admin API takes tokens issued to client "
              + DelegatedAdminClient.CLIENT_ID
              + " or to a client the server option "
              + OPTION
              + " lists; this token was issued to "
              + (issuedFor == null ? "no client" : "'" + issuedFor + "'"));
    }
  }

  /** The accepted client ids, the page's first, as operators see them in the server's info. */
  @Override
  public String toString() {
    List<String> ordered = new ArrayList<>();
    ordered.add(DelegatedAdminClient.CLIENT_ID);
    clientIds.stream()
        .filter(id -> !id.equals(DelegatedAdminClient.CLIENT_ID))
        .sorted()
        .forEach(ordered::add);
    return String.join(",", ordered);
  }
}
