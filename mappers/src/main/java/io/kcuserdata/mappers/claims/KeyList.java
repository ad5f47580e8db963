package io.kcuserdata.mappers.claims;

import io.kcuserdata.core.namespace.AttributeName;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.keycloak.protocol.ProtocolMapperConfigException;

/** The {@code keys} option: comma-separated top-level keys, empty for all of them. */
final class KeyList {

  private KeyList() {}

  /** The keys in the order written, each once; empty when the option is empty. */
  static List<String> parse(String raw) throws ProtocolMapperConfigException {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    Set<String> keys = new LinkedHashSet<>();
    for (String part : raw.split(",", -1)) {
      String key = part.trim();
      if (key.isEmpty()) {
        continue;
      }
      if (!AttributeName.KEY.matcher(key).matches()) {
        throw ConfigProblems.invalid(
            "Key "
                + ConfigProblems.shown(key)
                + " in Keys is not a valid key: a key starts with a letter and holds at most 64"
                + " letters, digits, \"_\" or \"-\". Separate keys with commas.");
      }
      keys.add(key);
    }
    return List.copyOf(keys);
  }
}
