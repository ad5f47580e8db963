package io.kcuserdata.admin.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.spi.Memberships;
import io.kcuserdata.core.spi.UserDataProvider;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/** One user's exported record, read through Keycloak's user model (a data-subject export). */
public final class UserRecord {

  private UserRecord() {}

  public static ObjectNode of(
      KeycloakSession session, RealmModel realm, UserModel user, Caller caller) {
    return RecordBuilder.build(
        facts(session, realm, user), caller, session.getProvider(UserDataProvider.class));
  }

  static UserFacts facts(KeycloakSession session, RealmModel realm, UserModel user) {
    Map<String, List<String>> clientRoles = new TreeMap<>();
    user.getRoleMappingsStream()
        .filter(RoleModel::isClientRole)
        .forEach(
            role ->
                clientRoles.merge(
                    ((ClientModel) role.getContainer()).getClientId(),
                    List.of(role.getName()),
                    Sorted::concat));
    return new UserFacts(
        user.getId(),
        user.getUsername(),
        user.getFirstName(),
        user.getLastName(),
        user.getEmail(),
        user.isEmailVerified(),
        user.isEnabled(),
        user.getCreatedTimestamp(),
        user.getAttributes(),
        session
            .users()
            .getFederatedIdentitiesStream(realm, user)
            .map(l -> new UserFacts.Link(l.getIdentityProvider(), l.getUserId(), l.getUserName()))
            .sorted(Comparator.comparing(UserFacts.Link::provider))
            .toList(),
        user.getRealmRoleMappingsStream().map(RoleModel::getName).sorted().toList(),
        clientRoles,
        // Keycloak keeps organization membership as a hidden group; it is listed under
        // organizations.
        user.getGroupsStream()
            .filter(group -> group.getType() != GroupModel.Type.ORGANIZATION)
            .map(KeycloakModelUtils::buildGroupPath)
            .sorted()
            .toList(),
        Memberships.of(session, realm, user).stream().sorted().toList(),
        user.credentialManager()
            .getStoredCredentialsStream()
            .map(c -> new UserFacts.Credential(c.getType(), c.getCreatedDate(), c.getUserLabel()))
            .toList(),
        user.getRequiredActionsStream().sorted().toList());
  }
}
