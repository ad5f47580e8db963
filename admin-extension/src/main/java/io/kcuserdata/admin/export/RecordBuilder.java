package io.kcuserdata.admin.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.spi.UserDataProvider;
import java.time.Instant;

/**
 * The exported record of one user: identity fields, the namespaces the caller may read, linked
 * identities, roles, groups, organizations, credential types with their creation dates, and
 * required actions. Never a hash, salt or secret: {@link UserFacts} carries none.
 */
public final class RecordBuilder {

  private RecordBuilder() {}

  public static ObjectNode build(UserFacts user, Caller caller, UserDataProvider data) {
    ObjectNode record = Json.object();
    record.put("id", user.id());
    record.put("username", user.username());
    record.put("first_name", user.firstName());
    record.put("last_name", user.lastName());
    record.put("email", user.email());
    record.put("email_verified", user.emailVerified());
    record.put("enabled", user.enabled());
    if (user.createdTimestamp() != null) {
      record.put("created_at", Instant.ofEpochMilli(user.createdTimestamp()).toString());
    }
    record.setAll(data.decode(user.attributes()).view(caller));
    ArrayNode identities = record.putArray("federated_identities");
    user.identities()
        .forEach(
            link ->
                identities
                    .addObject()
                    .put("provider", link.provider())
                    .put("user_id", link.userId())
                    .put("user_name", link.userName()));
    user.realmRoles().forEach(record.putArray("realm_roles")::add);
    ObjectNode clientRoles = record.putObject("client_roles");
    user.clientRoles().forEach((client, roles) -> roles.forEach(clientRoles.putArray(client)::add));
    user.groups().forEach(record.putArray("groups")::add);
    user.organizations().forEach(record.putArray("organizations")::add);
    ArrayNode credentials = record.putArray("credentials");
    for (UserFacts.Credential credential : user.credentials()) {
      ObjectNode described = credentials.addObject().put("type", credential.type());
      if (credential.createdDate() != null) {
        described.put("created_at", Instant.ofEpochMilli(credential.createdDate()).toString());
      }
      if (credential.label() != null) {
        described.put("label", credential.label());
      }
    }
    user.requiredActions().forEach(record.putArray("required_actions")::add);
    return record;
  }
}
