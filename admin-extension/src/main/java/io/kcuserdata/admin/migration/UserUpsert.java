package io.kcuserdata.admin.migration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.admin.passwords.HashCeilings;
import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.namespace.NamespaceKind;
import io.kcuserdata.core.spi.UserDataProvider;
import jakarta.persistence.EntityManager;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.jpa.entities.UserEntity;

/**
 * Creates or updates the user one import line describes: matched by id, then username, then email;
 * only what differs is written, so importing the same file twice changes nothing the second time.
 * User data goes through the pack's user-data provider, with its rules, limits and schemas; every
 * step is first authorized for the caller ({@link LineAuthorization}).
 */
final class UserUpsert {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final UserDataProvider data;
  private final LineAuthorization<UserModel, RoleModel, GroupModel, OrganizationModel> auth;
  private final HashCeilings ceilings;

  UserUpsert(
      KeycloakSession session,
      RealmModel realm,
      UserDataProvider data,
      LineAuthorization<UserModel, RoleModel, GroupModel, OrganizationModel> auth,
      HashCeilings ceilings) {
    this.session = session;
    this.realm = realm;
    this.data = data;
    this.auth = auth;
    this.ceilings = ceilings;
  }

  ImportOutcome apply(int line, ImportRecord r) {
    UserModel user = find(r);
    boolean created = user == null;
    if (created) {
      if (r.username() == null) {
        throw new InvalidLineException("no user matches, and a new user needs a username");
      }
      auth.mayCreateUser();
      user = session.users().addUser(realm, freeId(r.id()), r.username(), true, true);
      // A line that does not say otherwise brings an account that can sign in.
      user.setEnabled(true);
    } else {
      auth.mayUpdate(user);
    }
    boolean changed = account(user, r);
    changed |= new Relations(session, realm, auth).apply(user, r);
    changed |= userData(user, r.namespaces());
    changed |= PasswordImport.apply(session, user, r.passwordHash(), ceilings);
    String result = created ? "created" : changed ? "updated" : "skipped";
    return new ImportOutcome(line, result, user.getId(), null);
  }

  /**
   * The line's id when no user anywhere on the server has it (ids are unique across realms, so a
   * copy of a realm on the same server gets new ones), else {@code null} for a generated one.
   */
  private String freeId(String id) {
    if (id == null) {
      return null;
    }
    EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    return em.find(UserEntity.class, id) == null ? id : null;
  }

  private UserModel find(ImportRecord r) {
    UserModel user = r.id() == null ? null : session.users().getUserById(realm, r.id());
    if (user == null && r.username() != null) {
      user = session.users().getUserByUsername(realm, r.username());
    }
    if (user == null && r.email() != null) {
      user = session.users().getUserByEmail(realm, r.email());
    }
    return user;
  }

  private static boolean account(UserModel user, ImportRecord r) {
    boolean changed = false;
    if (r.username() != null && !r.username().equalsIgnoreCase(user.getUsername())) {
      user.setUsername(r.username());
      changed = true;
    }
    if (r.email() != null
        && !r.email()
            .toLowerCase(Locale.ROOT)
            .equals(Objects.toString(user.getEmail(), "").toLowerCase(Locale.ROOT))) {
      user.setEmail(r.email());
      changed = true;
    }
    if (r.firstName() != null && !r.firstName().equals(user.getFirstName())) {
      user.setFirstName(r.firstName());
      changed = true;
    }
    if (r.lastName() != null && !r.lastName().equals(user.getLastName())) {
      user.setLastName(r.lastName());
      changed = true;
    }
    if (r.emailVerified() != null && r.emailVerified() != user.isEmailVerified()) {
      user.setEmailVerified(r.emailVerified());
      changed = true;
    }
    if (r.enabled() != null && r.enabled() != user.isEnabled()) {
      user.setEnabled(r.enabled());
      changed = true;
    }
    return changed;
  }

  private boolean userData(UserModel user, Map<Namespace, ObjectNode> namespaces) {
    boolean changed = false;
    for (Map.Entry<Namespace, ObjectNode> entry : namespaces.entrySet()) {
      Namespace namespace = entry.getKey();
      if (entry.getValue().equals(data.read(realm, user).get(namespace))) {
        continue;
      }
      // Data kept per identity provider is written as that provider's mapper would write it.
      Caller caller =
          namespace.kind() == NamespaceKind.IDP
              ? Caller.idpMapper(namespace.alias())
              : Caller.admin();
      data.replace(realm, user, caller, namespace, entry.getValue(), null);
      changed = true;
    }
    return changed;
  }
}
