package io.kcuserdata.events.webhooks.listener;

import java.util.Map;
import java.util.Set;
import org.keycloak.Config;

/**
 * Keycloak's configuration of one provider, as the options give it; Keycloak's own {@code
 * AbstractScope} does the conversions.
 */
final class MapScope extends Config.AbstractScope {

  private final Map<String, String> options;

  MapScope(Map<String, String> options) {
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
