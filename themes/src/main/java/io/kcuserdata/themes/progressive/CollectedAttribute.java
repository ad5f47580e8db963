package io.kcuserdata.themes.progressive;

import io.kcuserdata.core.access.AccessPolicy;
import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.namespace.AttributeName;
import io.kcuserdata.core.namespace.LookalikeNames;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.namespace.NamespaceKind;
import io.kcuserdata.core.validation.NamespaceRules;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One attribute the action collects, as the realm admin configured it: either a key of a namespace
 * the user may write ({@code profile.nickname}, {@code user_metadata.language}) or an attribute the
 * realm's user profile declares ({@code phone}).
 *
 * @param name the user attribute, exactly as configured
 * @param data the namespace and key when the attribute is namespaced data, else {@code null}
 */
public record CollectedAttribute(String name, AttributeName data) {

  /** Names Keycloak's user profile accepts for an attribute. */
  static final Pattern DECLARED_NAME = Pattern.compile("[A-Za-z0-9._-]{1,255}");

  /** What the progressive prompt may write on the user's behalf: what the user may write. */
  private static final Caller USER = Caller.user(Set.of());

  public boolean namespaced() {
    return data != null;
  }

  /**
   * Reads one configured entry.
   *
   * @throws InvalidSettingException naming the entry and the rule it breaks
   */
  public static CollectedAttribute parse(String entry) {
    String name = entry.trim();
    if (!DECLARED_NAME.matcher(name).matches()) {
      throw new InvalidSettingException(
          ProgressiveProfileSettings.ATTRIBUTES,
          "'" + shown(name) + "' is not an attribute name (letters, digits, '.', '_', '-')");
    }
    if (LookalikeNames.isLookalike(name)) {
      throw new InvalidSettingException(
          ProgressiveProfileSettings.ATTRIBUTES,
          "'"
              + name
              + "' is spelled like namespace "
              + LookalikeNames.governingNamespace(name).orElseThrow().kind().prefix()
              + " but not exactly: write namespace names in lower case");
    }
    Optional<Namespace> namespace = AttributeName.namespaceOf(name);
    if (namespace.isEmpty()) {
      return new CollectedAttribute(name, null);
    }
    if (!AccessPolicy.canWrite(USER, namespace.get())) {
      throw new InvalidSettingException(
          ProgressiveProfileSettings.ATTRIBUTES,
          "'"
              + name
              + "' is in "
              + namespace.get().kind().prefix()
              + ", which users may not write; only profile.* and user_metadata.* can be asked for");
    }
    AttributeName data =
        AttributeName.parse(name)
            .orElseThrow(
                () ->
                    new InvalidSettingException(
                        ProgressiveProfileSettings.ATTRIBUTES,
                        "'" + name + "' needs a key that matches " + AttributeName.KEY.pattern()));
    if (data.namespace().kind() == NamespaceKind.PROFILE
        && !NamespaceRules.PROFILE_KEYS.contains(data.key())) {
      throw new InvalidSettingException(
          ProgressiveProfileSettings.ATTRIBUTES,
          "'" + name + "': profile holds only the OIDC standard claims");
    }
    return new CollectedAttribute(name, data);
  }

  /** Cuts what an admin typed before quoting it back, so a pasted blob stays a short message. */
  private static String shown(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
