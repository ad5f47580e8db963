package io.kcuserdata.admin.testing;

import java.util.Map;
import java.util.Set;
import org.keycloak.Config;

/** A provider's SPI options as the server would give them; Keycloak's own scope converts them. */
public final class MapScope extends Config.AbstractScope {

  private final Map<String, String> options;

  public MapScope(Map<String, String> options) {
    this.options = options;
  }

  @Override
  public String get(String key) {
    return options.get(key);
  }

  @Override
  public Config.Scope scope(String... scope) {
    return this;
  }

  @Override
  public Set<String> getPropertyNames() {
    return options.keySet();
  }

  @Override
  public Config.Scope root() {
    return this;
  }
}
