package io.kcuserdata.events.webhooks.listener;

import java.util.Map;
import java.util.Set;
import org.keycloak.Config;

/** Keycloak's configuration of one provider, as the options give it. */
record MapScope(Map<String, String> options) implements Config.Scope {

  @Override
  public String get(String key) {
    return options.get(key);
  }

  @Override
  public String get(String key, String defaultValue) {
    return options.getOrDefault(key, defaultValue);
  }

  @Override
  public String[] getArray(String key) {
    String value = options.get(key);
    return value == null ? null : value.split(",");
  }

  @Override
  public Integer getInt(String key, Integer defaultValue) {
    String value = options.get(key);
    return value == null ? defaultValue : Integer.valueOf(value);
  }

  @Override
  public Long getLong(String key, Long defaultValue) {
    String value = options.get(key);
    return value == null ? defaultValue : Long.valueOf(value);
  }

  @Override
  public Boolean getBoolean(String key, Boolean defaultValue) {
    String value = options.get(key);
    return value == null ? defaultValue : Boolean.valueOf(value);
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
