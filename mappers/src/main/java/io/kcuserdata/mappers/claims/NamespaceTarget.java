package io.kcuserdata.mappers.claims;

import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.namespace.NamespaceKind;
import io.kcuserdata.core.token.TokenOrganization;
import java.util.Optional;
import org.keycloak.protocol.ProtocolMapperConfigException;

/**
 * Which namespace a mapper reads: one named in its config, or the {@code org.<alias>} namespace of
 * the organization the token is issued for, known only at issuance.
 */
sealed interface NamespaceTarget {

  String CHOICES =
      "profile, user_metadata, custom_data, app_metadata, idp.<alias>, org.<alias> or org";

  /** The claim name used when the admin leaves {@code claim.name} empty. */
  String defaultClaimName();

  /** A namespace named in the config, such as {@code custom_data} or {@code idp.google}. */
  record Named(Namespace namespace) implements NamespaceTarget {
    @Override
    public String defaultClaimName() {
      return namespace.name();
    }
  }

  /** {@code org} alone: the namespace of the token's single organization, if it has one. */
  record TokenOrganization() implements NamespaceTarget {
    static final String CONFIG_VALUE = "org";

    @Override
    public String defaultClaimName() {
      return CONFIG_VALUE;
    }
  }

  static NamespaceTarget parse(String value) throws ProtocolMapperConfigException {
    String name = value == null ? "" : value.trim();
    if (name.isEmpty()) {
      throw ConfigProblems.invalid("Namespace is required: one of " + CHOICES + ".");
    }
    if (name.equals(TokenOrganization.CONFIG_VALUE)) {
      return new TokenOrganization();
    }
    int dot = name.indexOf('.');
    String prefix = dot < 0 ? name : name.substring(0, dot);
    Optional<NamespaceKind> kind = NamespaceKind.byPrefix(prefix);
    if (kind.isEmpty()) {
      throw ConfigProblems.invalid(
          "Unknown namespace " + ConfigProblems.shown(name) + ": use one of " + CHOICES + ".");
    }
    if (kind.get() == NamespaceKind.STATUS) {
      // The access table lets no user see status; a token is readable by the user.
      throw ConfigProblems.invalid(
          "The status namespace is internal to the pack and users never see it,"
              + " so it cannot be put into tokens.");
    }
    if (!kind.get().scoped()) {
      if (dot >= 0) {
        throw ConfigProblems.invalid(
            "Namespace "
                + ConfigProblems.shown(name)
                + " names a key, not a namespace: set namespace to "
                + prefix
                + " and list the keys in Keys.");
      }
      return new Named(new Namespace(kind.get(), null));
    }
    if (dot < 0) {
      throw ConfigProblems.invalid(
          "Namespace idp needs the alias of an identity provider: idp.<alias>.");
    }
    String alias = name.substring(dot + 1);
    if (!Namespace.ALIAS.matcher(alias).matches()) {
      throw ConfigProblems.invalid(
          "Malformed alias in namespace "
              + ConfigProblems.shown(name)
              + ": an alias starts with a letter or digit and holds at most 100 letters,"
              + " digits, \"_\" or \"-\" (no dots).");
    }
    return new Named(new Namespace(kind.get(), alias));
  }
}
