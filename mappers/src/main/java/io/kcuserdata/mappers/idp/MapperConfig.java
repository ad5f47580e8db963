package io.kcuserdata.mappers.idp;

import io.kcuserdata.core.error.InvalidUserDataException;
import io.kcuserdata.core.json.ClaimPath;
import io.kcuserdata.core.namespace.AttributeName;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.namespace.NamespaceKind;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of one {@code userdata-attribute-idp-mapper}, checked whole: a problem names
 * the config key and what is wrong with it.
 */
public record MapperConfig(
    ClaimPath source,
    AttributeName target,
    ValueType type,
    UpdatePolicy updatePolicy,
    OnMissing onMissing) {

  public static final String SOURCE = "source";
  public static final String TARGET = "target";
  public static final String VALUE_TYPE = "value.type";
  public static final String UPDATE_POLICY = "update.policy";
  public static final String ON_MISSING = "on.missing";

  /** Thrown for a configuration the mapper cannot run. */
  public static final class Invalid extends Exception {
    public Invalid(String message) {
      super(message);
    }
  }

  /**
   * @param alias the identity provider the mapper belongs to: {@code idp.<alias>} is the only
   *     {@code idp} namespace it may write
   */
  public static MapperConfig parse(Map<String, String> config, String alias) throws Invalid {
    ClaimPath source;
    try {
      source = ClaimPath.parse(config.get(SOURCE));
    } catch (IllegalArgumentException e) {
      throw new Invalid(SOURCE + ": " + e.getMessage());
    }
    AttributeName target = target(config.get(TARGET), alias);
    ValueType type =
        ValueType.of(config.get(VALUE_TYPE))
            .orElseThrow(
                () -> new Invalid(VALUE_TYPE + ": unknown type " + config.get(VALUE_TYPE)));
    UpdatePolicy policy =
        UpdatePolicy.of(config.get(UPDATE_POLICY))
            .orElseThrow(
                () -> new Invalid(UPDATE_POLICY + ": unknown policy " + config.get(UPDATE_POLICY)));
    OnMissing onMissing =
        OnMissing.of(config.get(ON_MISSING))
            .orElseThrow(
                () -> new Invalid(ON_MISSING + ": unknown rule " + config.get(ON_MISSING)));
    return new MapperConfig(source, target, type, policy, onMissing);
  }

  private static AttributeName target(String target, String alias) throws Invalid {
    if (target == null || target.isBlank()) {
      throw new Invalid(TARGET + ": required, as <namespace>.<key> (custom_data.plan)");
    }
    Optional<AttributeName> name;
    try {
      name = AttributeName.parse(target.trim());
    } catch (InvalidUserDataException e) {
      name = Optional.empty();
    }
    if (name.isEmpty()) {
      throw new Invalid(
          TARGET
              + ": "
              + target
              + " is not <namespace>.<key> with a namespace of profile, custom_data, app_metadata,"
              + " idp.<alias>, org.<alias> and a key matching "
              + AttributeName.KEY.pattern());
    }
    Namespace namespace = name.get().namespace();
    if (namespace.kind() == NamespaceKind.USER_METADATA
        || namespace.kind() == NamespaceKind.STATUS) {
      throw new Invalid(
          TARGET
              + ": identity providers may not write "
              + namespace.name()
              + (namespace.kind() == NamespaceKind.STATUS
                  ? ", the pack's own bookkeeping"
                  : ", which belongs to the user"));
    }
    if (namespace.kind() == NamespaceKind.IDP && !namespace.alias().equals(alias)) {
      throw new Invalid(
          TARGET
              + ": a mapper of provider "
              + alias
              + " writes idp."
              + alias
              + ", not "
              + namespace);
    }
    return name.get();
  }
}
