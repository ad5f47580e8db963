package io.kcuserdata.core.status;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The keys of the {@code status} namespace. Only the pack writes them: admins only read them, so
 * every writer goes through these names rather than spelling them out. Users see a few of them in
 * their own data export (the right of access covers their sign-in record); the rest, and any key
 * not named here, are for admins only.
 */
public enum StatusKey {
  LAST_LOGIN_AT("last_login_at", true),
  LAST_LOGIN_IP("last_login_ip", true),
  LOGIN_COUNT("login_count", true),
  SUSPENDED_AT("suspended_at", true),
  /** Why an admin suspended the user: an admin's note, which may name a suspicion. */
  SUSPENDED_REASON("suspended_reason", false),
  /** The id of the admin (realm or delegated) who suspended the user. */
  SUSPENDED_BY("suspended_by", false),
  /**
   * The alias of the organization through which a delegated admin suspended the user; absent when a
   * realm admin did. Only a suspension made through an organization may be lifted through it.
   */
  SUSPENDED_VIA("suspended_via", false),
  /** Client ids the user may not sign in to (an array), set by admins, enforced at login. */
  BLOCKED_CLIENTS("blocked_clients", false),
  /**
   * Where progressive profiling stands for the user: when the last prompt was shown and how many
   * sign-ins passed since (an object), kept by the {@code userdata-progressive-profile} action.
   */
  PROFILE_PROMPT("profile_prompt", false);

  /** The namespace these keys live in, and the prefix of their user attributes. */
  public static final String NAMESPACE = "status";

  private final String key;
  private final boolean subjectVisible;

  StatusKey(String key, boolean subjectVisible) {
    this.key = key;
    this.subjectVisible = subjectVisible;
  }

  /** The key inside the namespace, as applications see it in the user-data document. */
  public String key() {
    return key;
  }

  /** The user attribute that stores this key: {@code status.<key>}. */
  public String attribute() {
    return NAMESPACE + "." + key;
  }

  /** Whether the user may see this key of their own status (in their data export). */
  public boolean subjectVisible() {
    return subjectVisible;
  }

  /**
   * What the user may see of their own {@code status}: the keys marked visible, nothing else. Keys
   * the pack does not name (IdP sync fingerprints, keys a later version adds) stay hidden, so a new
   * key is admin-only until someone decides otherwise.
   */
  public static ObjectNode subjectView(ObjectNode status) {
    ObjectNode visible = status.objectNode();
    for (StatusKey key : values()) {
      if (key.subjectVisible && status.has(key.key)) {
        visible.set(key.key, status.get(key.key).deepCopy());
      }
    }
    return visible;
  }
}
