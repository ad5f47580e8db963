package io.kcuserdata.admin.delegation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.document.UserDataDocument;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.spi.UserDataProvider;
import io.kcuserdata.core.status.StatusKey;
import java.time.Instant;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A member as a delegated admin sees them: the account fields, whether they are suspended (and why,
 * when the suspension was made through this organization), and this organization's data. No roles,
 * no other namespace, no other organization.
 */
final class MemberView {

  private MemberView() {}

  static ObjectNode of(
      RealmModel realm, UserModel user, DelegatedCaller caller, UserDataProvider data) {
    ObjectNode view = Json.object();
    view.put("id", user.getId());
    view.put("username", user.getUsername());
    view.put("first_name", user.getFirstName());
    view.put("last_name", user.getLastName());
    view.put("email", user.getEmail());
    view.put("email_verified", user.isEmailVerified());
    view.put("enabled", user.isEnabled());
    if (user.getCreatedTimestamp() != null) {
      view.put("created_at", Instant.ofEpochMilli(user.getCreatedTimestamp()).toString());
    }
    UserDataDocument document = data.read(realm, user);
    ObjectNode status = document.get(Namespace.STATUS);
    JsonNode suspendedAt = status.get(StatusKey.SUSPENDED_AT.key());
    boolean suspended = suspendedAt != null && !user.isEnabled();
    view.put("suspended", suspended);
    if (suspended) {
      view.set("suspended_at", suspendedAt);
      // The reason is an admin's note: this organization's own, or none of its business.
      String alias = caller.organization().getAlias();
      if (alias.equals(status.path(StatusKey.SUSPENDED_VIA.key()).asText(null))) {
        view.set("suspended_reason", status.get(StatusKey.SUSPENDED_REASON.key()));
      }
    }
    view.setAll(document.view(caller.caller()));
    return view;
  }
}
