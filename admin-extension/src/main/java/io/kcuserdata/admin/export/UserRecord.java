package io.kcuserdata.admin.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.spi.Memberships;
import io.kcuserdata.core.spi.UserDataProvider;
import io.kcuserdata.core.spi.UserModelAttributes;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * One user as the pack exports it: identity fields, the namespaces the caller may read, linked
 * identities, roles, groups, organizations, credential types with their creation dates, and
 * required actions. Never a hash, salt or secret: credentials are described, not copied.
 */
public final class UserRecord {

  private UserRecord() {}

  public static ObjectNode of(
      KeycloakSession session, RealmModel realm, UserModel user, Caller caller) {
    ObjectNode record = Json.object();
    record.put("id", user.getId());
    record.put("username", user.getUsername());
    record.put("first_name", user.getFirstName());
    record.put("last_name", user.getLastName());
    record.put("email", user.getEmail());
    record.put("email_verified", user.isEmailVerified());
    record.put("enabled", user.isEnabled());
    if (user.getCreatedTimestamp() != null) {
      record.put("created_at", Instant.ofEpochMilli(user.getCreatedTimestamp()).toString());
    }
    record.setAll(
        session
            .getProvider(UserDataProvider.class)
            .service()
            .read(new UserModelAttributes(user))
            .view(caller));
    ArrayNode identities = record.putArray("federated_identities");
    session
        .users()
        .getFederatedIdentitiesStream(realm, user)
        .forEach(
            link ->
                identities
                    .addObject()
                    .put("provider", link.getIdentityProvider())
                    .put("user_id", link.getUserId())
                    .put("user_name", link.getUserName()));
    ArrayNode realmRoles = record.putArray("realm_roles");
    user.getRealmRoleMappingsStream().map(RoleModel::getName).sorted().forEach(realmRoles::add);
    Map<String, ArrayNode> byClient = new TreeMap<>();
    user.getRoleMappingsStream()
        .filter(RoleModel::isClientRole)
        .forEach(
            role ->
                byClient
                    .computeIfAbsent(
                        ((ClientModel) role.getContainer()).getClientId(),
                        id -> Json.NODES.arrayNode())
                    .add(role.getName()));
    record.putObject("client_roles").setAll(byClient);
    ArrayNode groups = record.putArray("groups");
    // Keycloak keeps organization membership as a hidden group; it is listed under organizations.
    user.getGroupsStream()
        .filter(group -> group.getType() != GroupModel.Type.ORGANIZATION)
        .map(KeycloakModelUtils::buildGroupPath)
        .sorted()
        .forEach(groups::add);
    ArrayNode organizations = record.putArray("organizations");
    Memberships.of(session, realm, user).stream().sorted().forEach(organizations::add);
    ArrayNode credentials = record.putArray("credentials");
    user.credentialManager()
        .getStoredCredentialsStream()
        .forEach(
            credential -> {
              ObjectNode described = credentials.addObject().put("type", credential.getType());
              if (credential.getCreatedDate() != null) {
                described.put(
                    "created_at", Instant.ofEpochMilli(credential.getCreatedDate()).toString());
              }
              if (credential.getUserLabel() != null) {
                described.put("label", credential.getUserLabel());
              }
            });
    ArrayNode actions = record.putArray("required_actions");
    user.getRequiredActionsStream().sorted().forEach(actions::add);
    return record;
  }
}
