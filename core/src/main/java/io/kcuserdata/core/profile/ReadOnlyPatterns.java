package io.kcuserdata.core.profile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.keycloak.Config;

/**
 * The user-profile provider's configuration with the pack's read-only patterns added to what the
 * operator configured ({@code read-only-attributes}, {@code admin-read-only-attributes}).
 */
final class ReadOnlyPatterns implements Config.Scope {

  static final String USER_KEY = "read-only-attributes";
  static final String ADMIN_KEY = "admin-read-only-attributes";

  private final Config.Scope operator;

  ReadOnlyPatterns(Config.Scope operator) {
    this.operator = operator;
  }

  @Override
  public String[] getArray(String key) {
    String[] configured = operator.getArray(key);
    List<String> ours =
        switch (key) {
          case USER_KEY -> ProfileAccess.USER_READ_ONLY;
          case ADMIN_KEY -> ProfileAccess.ADMIN_READ_ONLY;
          default -> List.of();
        };
    if (ours.isEmpty()) {
      return configured;
    }
    Set<String> merged = new LinkedHashSet<>(configured == null ? List.of() : List.of(configured));
    merged.addAll(ours);
    return merged.toArray(String[]::new);
  }

  @Override
  public String get(String key) {
    return operator.get(key);
  }

  @Override
  public String get(String key, String defaultValue) {
    return operator.get(key, defaultValue);
  }

  @Override
  public Integer getInt(String key, Integer defaultValue) {
    return operator.getInt(key, defaultValue);
  }

  @Override
  public Long getLong(String key, Long defaultValue) {
    return operator.getLong(key, defaultValue);
  }

  @Override
  public Boolean getBoolean(String key, Boolean defaultValue) {
    return operator.getBoolean(key, defaultValue);
  }

  @Override
  public Config.Scope scope(String... scope) {
    return operator.scope(scope);
  }

  @Override
  public Set<String> getPropertyNames() {
    return operator.getPropertyNames();
  }

  @Override
  public Config.Scope root() {
    return operator.root();
  }
}
