package io.kcuserdata.admin.migration;

import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@link LineAuthorization}'s questions, answered by the caller's Keycloak permission evaluator.
 */
final class CallerRights
    implements LineAuthorization.Rights<UserModel, RoleModel, GroupModel, OrganizationModel>,
        LineAuthorization.Structure<RoleModel, GroupModel> {

  private final AdminPermissionEvaluator auth;

  CallerRights(AdminPermissionEvaluator auth) {
    this.auth = auth;
  }

  static LineAuthorization<UserModel, RoleModel, GroupModel, OrganizationModel> authorization(
      AdminPermissionEvaluator auth) {
    CallerRights rights = new CallerRights(auth);
    return new LineAuthorization<>(rights, rights);
  }

  @Override
  public boolean canCreateUsers() {
    return auth.users().canManage();
  }

  @Override
  public boolean canManage(UserModel user) {
    return auth.users().canManage(user);
  }

  @Override
  public boolean canMapRoles(UserModel user) {
    return auth.users().canMapRoles(user);
  }

  @Override
  public boolean canMapRole(RoleModel role) {
    return auth.roles().canMapRole(role);
  }

  @Override
  public boolean canManageGroupMembership(UserModel user) {
    return auth.users().canManageGroupMembership(user);
  }

  @Override
  public boolean canManageMembership(GroupModel group) {
    return auth.groups().canManageMembership(group);
  }

  @Override
  public boolean canManageOrganization(OrganizationModel organization) {
    return auth.orgs().canManage(organization);
  }

  @Override
  public Stream<RoleModel> composites(RoleModel role) {
    return role.getCompositesStream();
  }

  @Override
  public Stream<RoleModel> roleMappings(GroupModel group) {
    return group.getRoleMappingsStream();
  }

  @Override
  public Optional<GroupModel> parent(GroupModel group) {
    return Optional.ofNullable(group.getParent());
  }

  @Override
  public String describe(RoleModel role) {
    if (role.getContainer() instanceof ClientModel client) {
      return "role '" + role.getName() + "' of client '" + client.getClientId() + "'";
    }
    return "realm role '" + role.getName() + "'";
  }
}
