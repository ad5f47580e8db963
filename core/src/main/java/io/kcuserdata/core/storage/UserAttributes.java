package io.kcuserdata.core.storage;

import java.util.List;
import java.util.Map;

/**
 * A user's attributes as the storage needs them. Keycloak's {@code UserModel} is adapted to this at
 * the edge, so the storage rules are tested without a server.
 */
public interface UserAttributes {

  /** Every attribute of the user, name to values. */
  Map<String, List<String>> all();

  void set(String name, List<String> values);

  void remove(String name);
}
