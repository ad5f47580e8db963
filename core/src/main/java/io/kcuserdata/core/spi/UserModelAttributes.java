package io.kcuserdata.core.spi;

import io.kcuserdata.core.storage.UserAttributes;
import java.util.List;
import java.util.Map;
import org.keycloak.models.UserModel;

/**
 * The storage's view of a Keycloak user. Writes go to the {@code UserModel} directly, not through
 * the user profile, so the profile's per-value caps do not apply to namespaced data.
 */
final class UserModelAttributes implements UserAttributes {

  private final UserModel user;

  UserModelAttributes(UserModel user) {
    this.user = user;
  }

  @Override
  public Map<String, List<String>> all() {
    return user.getAttributes();
  }

  @Override
  public void set(String name, List<String> values) {
    user.setAttribute(name, values);
  }

  @Override
  public void remove(String name) {
    user.removeAttribute(name);
  }
}
