package io.kcuserdata.admin.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.spi.UserDataProvider;
import io.kcuserdata.core.status.StatusKey;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A data-subject export: everything held about one person, for an access request. An admin gets the
 * full record; the user gets what they may see, plus their sign-in record and recent logins, which
 * the right of access covers even though the account pages do not show them. Admins' notes and the
 * pack's bookkeeping in {@code status} (suspension reason, IdP sync fingerprints) stay out.
 */
public final class DataSubjectExport {

  private DataSubjectExport() {}

  public static ObjectNode forAdmin(KeycloakSession session, RealmModel realm, UserModel user) {
    ObjectNode record = UserRecord.of(session, realm, user, Caller.admin());
    record.set("login_events", LoginHistory.of(session, realm, user));
    return record;
  }

  public static ObjectNode forUser(
      KeycloakSession session, RealmModel realm, UserModel user, Caller self) {
    ObjectNode record = UserRecord.of(session, realm, user, self);
    record.set(
        "account_status",
        StatusKey.subjectView(
            session.getProvider(UserDataProvider.class).read(realm, user).get(Namespace.STATUS)));
    record.set("login_events", LoginHistory.of(session, realm, user));
    return record;
  }
}
