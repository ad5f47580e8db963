package io.kcuserdata.core.status;

/**
 * The keys of the {@code status} namespace. Only the pack writes them: users never see them and
 * admins only read them, so every writer goes through these names rather than spelling them out.
 */
public enum StatusKey {
  LAST_LOGIN_AT("last_login_at"),
  LAST_LOGIN_IP("last_login_ip"),
  LOGIN_COUNT("login_count"),
  SUSPENDED_AT("suspended_at"),
  SUSPENDED_REASON("suspended_reason"),
  /** Client ids the user may not sign in to (an array), set by admins, enforced at login. */
  BLOCKED_CLIENTS("blocked_clients"),
  /**
   * Where progressive profiling stands for the user: when the last prompt was shown and how many
   * sign-ins passed since (an object), kept by the {@code userdata-progressive-profile} action.
   */
  PROFILE_PROMPT("profile_prompt");

  /** The namespace these keys live in, and the prefix of their user attributes. */
  public static final String NAMESPACE = "status";

  private final String key;

  StatusKey(String key) {
    this.key = key;
  }

  /** The key inside the namespace, as applications see it in the user-data document. */
  public String key() {
    return key;
  }

  /** The user attribute that stores this key: {@code status.<key>}. */
  public String attribute() {
    return NAMESPACE + "." + key;
  }
}
