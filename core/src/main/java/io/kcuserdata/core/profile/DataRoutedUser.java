package io.kcuserdata.core.profile;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.UserModelDelegate;

/**
 * The user as Keycloak's user profile writes it: attributes of namespaced data are held back, not
 * written, until {@link RoutedProfile} hands them to the pack's write path in one piece. Reads of a
 * held-back attribute answer the value on its way, so Keycloak's change listeners (the account
 * events) see the new value.
 */
final class DataRoutedUser extends UserModelDelegate {

  private final Map<String, List<String>> held = new LinkedHashMap<>();

  DataRoutedUser(UserModel user) {
    super(user);
  }

  UserModel user() {
    return getDelegate();
  }

  /** The attribute writes held back, name to new values (empty: removed); then forgets them. */
  Map<String, List<String>> takeHeld() {
    Map<String, List<String>> taken = new LinkedHashMap<>(held);
    held.clear();
    return taken;
  }

  @Override
  public void setSingleAttribute(String name, String value) {
    if (ProfileAccess.governs(name)) {
      held.put(name, value == null ? List.of() : List.of(value));
    } else {
      super.setSingleAttribute(name, value);
    }
  }

  @Override
  public void setAttribute(String name, List<String> values) {
    if (ProfileAccess.governs(name)) {
      held.put(name, values == null ? List.of() : List.copyOf(values));
    } else {
      super.setAttribute(name, values);
    }
  }

  @Override
  public void removeAttribute(String name) {
    if (ProfileAccess.governs(name)) {
      held.put(name, List.of());
    } else {
      super.removeAttribute(name);
    }
  }

  @Override
  public String getFirstAttribute(String name) {
    List<String> values = held.get(name);
    if (values == null) {
      return super.getFirstAttribute(name);
    }
    return values.isEmpty() ? null : values.get(0);
  }

  @Override
  public Stream<String> getAttributeStream(String name) {
    List<String> values = held.get(name);
    return values == null ? super.getAttributeStream(name) : values.stream();
  }

  @Override
  public Map<String, List<String>> getAttributes() {
    if (held.isEmpty()) {
      return super.getAttributes();
    }
    Map<String, List<String>> attributes = new HashMap<>(super.getAttributes());
    held.forEach(
        (name, values) -> {
          if (values.isEmpty()) {
            attributes.remove(name);
          } else {
            attributes.put(name, values);
          }
        });
    return attributes;
  }
}
