package io.kcuserdata.admin.delegation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.document.UserDataDocument;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.service.UserDataService;
import io.kcuserdata.core.spi.UserModelAttributes;
import io.kcuserdata.core.status.StatusKey;
import java.time.Instant;
import org.keycloak.models.UserModel;

/**
 * A member as a delegated admin sees them: the account fields, whether and why they are suspended,
 * and this organization's data. No roles, no other namespace, no other organization.
 */
final class MemberView {

  private MemberView() {}

  static ObjectNode of(UserModel user, DelegatedCaller caller, UserDataService data) {
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
    UserDataDocument document = data.read(new UserModelAttributes(user));
    ObjectNode status = document.get(Namespace.STATUS);
    JsonNode suspendedAt = status.get(StatusKey.SUSPENDED_AT.key());
    view.put("suspended", suspendedAt != null && !user.isEnabled());
    if (suspendedAt != null && !user.isEnabled()) {
      view.set("suspended_at", suspendedAt);
      view.set("suspended_reason", status.get(StatusKey.SUSPENDED_REASON.key()));
    }
    view.setAll(document.view(caller.caller()));
    return view;
  }
}
