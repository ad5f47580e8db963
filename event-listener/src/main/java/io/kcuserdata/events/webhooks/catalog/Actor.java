package io.kcuserdata.events.webhooks.catalog;

/**
 * Who caused the event: the user themself, an admin (possibly of another realm, such as master), or
 * the system (the pack, a scheduled job, a test ping).
 *
 * @param type {@code "user"}, {@code "admin"} or {@code "system"}
 * @param realmName for admins, the realm they authenticated in
 */
public record Actor(
    String type, String userId, String username, String clientId, String realmName) {

  public static final String USER = "user";
  public static final String ADMIN = "admin";
  public static final String SYSTEM = "system";

  public static Actor user(String userId, String username, String clientId) {
    return new Actor(USER, userId, username, clientId, null);
  }

  public static Actor admin(String userId, String username, String clientId, String realmName) {
    return new Actor(ADMIN, userId, username, clientId, realmName);
  }

  public static Actor system() {
    return new Actor(SYSTEM, null, null, null, null);
  }
}
