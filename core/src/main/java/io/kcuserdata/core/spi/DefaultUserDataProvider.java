package io.kcuserdata.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.document.UserDataDocument;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.net.OutboundUse;
import io.kcuserdata.core.net.SsrfGuard;
import io.kcuserdata.core.secrets.RealmSecrets;
import io.kcuserdata.core.secrets.SealingKey;
import io.kcuserdata.core.service.UserDataService.WriteResult;
import io.kcuserdata.core.service.UserDataSession;
import io.kcuserdata.core.storage.UserAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The provider of one Keycloak session: its decoded documents live as long as the session. */
final class DefaultUserDataProvider implements UserDataProvider {

  private final KeycloakSession session;
  private final DefaultUserDataProviderFactory factory;
  private final UserDataSession data;

  DefaultUserDataProvider(KeycloakSession session, DefaultUserDataProviderFactory factory) {
    this.session = session;
    this.factory = factory;
    this.data = new UserDataSession(factory.service());
  }

  @Override
  public UserDataDocument read(RealmModel realm, UserModel user) {
    return data.read(subject(realm, user));
  }

  @Override
  public UserDataDocument decode(Map<String, List<String>> attributes) {
    return factory.service().read(new Snapshot(attributes));
  }

  @Override
  public WriteResult patch(
      RealmModel realm, UserModel user, Caller caller, JsonNode patch, String ifMatch) {
    return announced(
        realm,
        user,
        caller,
        data.patch(subject(realm, user), caller, patch, ifMatch, schemas(realm).check()));
  }

  @Override
  public WriteResult replace(
      RealmModel realm,
      UserModel user,
      Caller caller,
      Namespace namespace,
      JsonNode content,
      String ifMatch) {
    return announced(
        realm,
        user,
        caller,
        data.replace(
            subject(realm, user), caller, namespace, content, ifMatch, schemas(realm).check()));
  }

  @Override
  public void check(RealmModel realm, UserModel user, Caller caller, JsonNode patch) {
    data.check(subject(realm, user), caller, patch, schemas(realm).check());
  }

  @Override
  public RealmSchemas schemas(RealmModel realm) {
    return new RealmSchemas(realm, factory.compiler());
  }

  @Override
  public SsrfGuard outboundGuard(OutboundUse use) {
    return factory.outboundGuard(use);
  }

  @Override
  public Optional<SealingKey> operatorKey() {
    return factory.operatorKey();
  }

  @Override
  public RealmSecrets secrets(RealmModel realm) {
    return new RealmSecrets(
        factory.operatorKey().orElse(null), new KeycloakRealmKeys(session, realm));
  }

  private WriteResult announced(
      RealmModel realm, UserModel user, Caller caller, WriteResult result) {
    if (!result.changes().isEmpty()) {
      UserDataWrite write =
          new UserDataWrite(
              realm, user, caller, result.before(), result.document(), result.changes());
      session.getAllProviders(UserDataWriteListener.class).forEach(l -> l.written(write));
    }
    return result;
  }

  /**
   * A stored user is kept under its realm and id; a user that is not stored (the profile a first
   * broker login reviews) has no id, no memberships, and is decoded afresh each time; no user at
   * all (a registration not yet made) has no data.
   */
  private UserDataSession.Subject subject(RealmModel realm, UserModel user) {
    if (user == null) {
      return new UserDataSession.Subject(null, new Snapshot(Map.of()), Set::of);
    }
    String id = user.getId();
    if (id == null) {
      return new UserDataSession.Subject(null, new UserModelAttributes(user), Set::of);
    }
    return new UserDataSession.Subject(
        realm.getId() + "/" + id,
        new UserModelAttributes(user),
        () -> Memberships.of(session, realm, user));
  }

  /** Attributes as read once in bulk; nothing writes through them. */
  private record Snapshot(Map<String, List<String>> all) implements UserAttributes {
    @Override
    public void set(String name, List<String> values) {
      throw new UnsupportedOperationException("a bulk read never writes");
    }

    @Override
    public void remove(String name) {
      throw new UnsupportedOperationException("a bulk read never writes");
    }
  }
}
