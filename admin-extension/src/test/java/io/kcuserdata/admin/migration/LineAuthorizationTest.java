package io.kcuserdata.admin.migration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LineAuthorizationTest {

  /**
   * A realm in strings: roles with their composites, groups with their parent and role mappings,
   * and a caller whose rights are sets of what it may do.
   */
  private static final class Realm
      implements LineAuthorization.Rights<String, String, String, String>,
          LineAuthorization.Structure<String, String> {

    final Map<String, List<String>> composites = new HashMap<>();
    final Map<String, List<String>> groupRoles = new HashMap<>();
    final Map<String, String> parents = new HashMap<>();
    final Set<String> mappableRoles = new HashSet<>();
    final Set<String> manageableUsers = new HashSet<>();
    final Set<String> roleMappableUsers = new HashSet<>();
    final Set<String> groupMembershipUsers = new HashSet<>();
    final Set<String> memberManageableGroups = new HashSet<>();
    final Set<String> manageableOrganizations = new HashSet<>();
    boolean mayCreate;

    LineAuthorization<String, String, String, String> authorization() {
      return new LineAuthorization<>(this, this);
    }

    @Override
    public boolean canCreateUsers() {
      return mayCreate;
    }

    @Override
    public boolean canManage(String user) {
      return manageableUsers.contains(user);
    }

    @Override
    public boolean canMapRoles(String user) {
      return roleMappableUsers.contains(user);
    }

    @Override
    public boolean canMapRole(String role) {
      return mappableRoles.contains(role);
    }

    @Override
    public boolean canManageGroupMembership(String user) {
      return groupMembershipUsers.contains(user);
    }

    @Override
    public boolean canManageMembership(String group) {
      return memberManageableGroups.contains(group);
    }

    @Override
    public boolean canManageOrganization(String organization) {
      return manageableOrganizations.contains(organization);
    }

    @Override
    public Stream<String> composites(String role) {
      return composites.getOrDefault(role, List.of()).stream();
    }

    @Override
    public Stream<String> roleMappings(String group) {
      return groupRoles.getOrDefault(group, List.of()).stream();
    }

    @Override
    public Optional<String> parent(String group) {
      return Optional.ofNullable(parents.get(group));
    }

    @Override
    public String describe(String role) {
      return "role '" + role + "'";
    }
  }

  private final Realm realm = new Realm();

  @Nested
  class Users {

    @Test
    void areCreatedOnlyByWhoMayManageUsers() {
      assertThatThrownBy(() -> realm.authorization().mayCreateUser())
          .isInstanceOf(InvalidLineException.class)
          .hasMessage("not permitted: creating a user needs more than your permissions allow");

      realm.mayCreate = true;
      assertThatCode(() -> realm.authorization().mayCreateUser()).doesNotThrowAnyException();
    }

    @Test
    void areChangedOnlyByWhoMayManageThatUser() {
      realm.manageableUsers.add("alice");

      assertThatCode(() -> realm.authorization().mayUpdate("alice")).doesNotThrowAnyException();
      assertThatThrownBy(() -> realm.authorization().mayUpdate("bob"))
          .hasMessage("not permitted: changing this user needs more than your permissions allow");
    }
  }

  @Nested
  class Roles {

    @Test
    void areMappedWhenTheCallerMayMapRolesToTheUserAndMayMapTheRole() {
      realm.roleMappableUsers.add("alice");
      realm.mappableRoles.add("support");

      assertThatCode(() -> realm.authorization().mayMapRole("alice", "support"))
          .doesNotThrowAnyException();
    }

    @Test
    void areRefusedNamingTheRoleWhenTheCallerMayNotMapIt() {
      realm.roleMappableUsers.add("alice");

      assertThatThrownBy(() -> realm.authorization().mayMapRole("alice", "realm-admin"))
          .isInstanceOf(InvalidLineException.class)
          .hasMessage(
              "not permitted: mapping role 'realm-admin' needs more than your permissions allow");
    }

    @Test
    void areRefusedWhenTheCallerMayNotMapRolesToThatUser() {
      realm.mappableRoles.add("support");

      assertThatThrownBy(() -> realm.authorization().mayMapRole("alice", "support"))
          .hasMessage(
              "not permitted: mapping roles to this user needs more than your permissions allow");
    }

    @Test
    void areRefusedWhenAnyRoleTheyHoldThroughCompositesIsNotTheCallers() {
      realm.roleMappableUsers.add("alice");
      realm.mappableRoles.addAll(List.of("ops", "ops-tools", "viewer"));
      realm.composites.put("ops", List.of("ops-tools", "viewer"));
      realm.composites.put("ops-tools", List.of("realm-admin"));

      assertThatThrownBy(() -> realm.authorization().mayMapRole("alice", "ops"))
          .hasMessage(
              "not permitted: mapping role 'ops' (it includes role 'realm-admin') needs more than"
                  + " your permissions allow");
    }

    @Test
    void endWhenCompositesFormACycle() {
      realm.roleMappableUsers.add("alice");
      realm.mappableRoles.addAll(List.of("a", "b"));
      realm.composites.put("a", List.of("b"));
      realm.composites.put("b", List.of("a"));

      assertThatCode(() -> realm.authorization().mayMapRole("alice", "a"))
          .doesNotThrowAnyException();
    }
  }

  @Nested
  class Groups {

    private void aCallerWhoMayManageTheMembershipOf(String user, String group) {
      realm.groupMembershipUsers.add(user);
      realm.memberManageableGroups.add(group);
    }

    @Test
    void areJoinedWhenTheCallerMayMapEveryRoleTheyGrant() {
      aCallerWhoMayManageTheMembershipOf("alice", "/support");
      realm.groupRoles.put("/support", List.of("support"));
      realm.mappableRoles.add("support");

      assertThatCode(() -> realm.authorization().mayJoin("alice", "/support", "/support"))
          .doesNotThrowAnyException();
    }

    @Test
    void areRefusedWhenTheyGrantARoleTheCallerMayNotMap() {
      aCallerWhoMayManageTheMembershipOf("alice", "/ops-admins");
      realm.groupRoles.put("/ops-admins", List.of("realm-admin"));

      assertThatThrownBy(() -> realm.authorization().mayJoin("alice", "/ops-admins", "/ops-admins"))
          .hasMessage(
              "not permitted: joining group '/ops-admins' (it grants role 'realm-admin') needs"
                  + " more than your permissions allow: a group is joined only by who may map"
                  + " each role it grants");
    }

    @Test
    void areRefusedWhenAParentGrantsARoleTheCallerMayNotMap() {
      aCallerWhoMayManageTheMembershipOf("alice", "/ops/night");
      realm.parents.put("/ops/night", "/ops");
      realm.groupRoles.put("/ops", List.of("realm-admin"));

      assertThatThrownBy(() -> realm.authorization().mayJoin("alice", "/ops/night", "/ops/night"))
          .hasMessageContaining("(it grants role 'realm-admin')");
    }

    @Test
    void areRefusedWhenARoleTheyGrantHoldsOneTheCallerMayNotMap() {
      aCallerWhoMayManageTheMembershipOf("alice", "/ops");
      realm.groupRoles.put("/ops", List.of("ops"));
      realm.composites.put("ops", List.of("realm-admin"));
      realm.mappableRoles.add("ops");

      assertThatThrownBy(() -> realm.authorization().mayJoin("alice", "/ops", "/ops"))
          .hasMessageContaining("(it grants role 'realm-admin')");
    }

    @Test
    void areRefusedWhenTheCallerMayNotManageTheUsersGroupsOrTheGroupsMembers() {
      realm.memberManageableGroups.add("/support");
      assertThatThrownBy(() -> realm.authorization().mayJoin("alice", "/support", "/support"))
          .hasMessage(
              "not permitted: changing the groups of this user needs more than your permissions"
                  + " allow");

      realm.memberManageableGroups.clear();
      realm.groupMembershipUsers.add("alice");
      assertThatThrownBy(() -> realm.authorization().mayJoin("alice", "/support", "/support"))
          .hasMessage(
              "not permitted: adding members to group '/support' needs more than your"
                  + " permissions allow");
    }
  }

  @Nested
  class Organizations {

    @Test
    void takeMembersFromWhoMayManageTheOrganizationAndTheUser() {
      realm.manageableOrganizations.add("acme");
      realm.manageableUsers.add("alice");

      assertThatCode(() -> realm.authorization().mayAddToOrganization("alice", "acme", "acme"))
          .doesNotThrowAnyException();
    }

    @Test
    void refuseWhoMayNotManageTheOrganization() {
      realm.manageableUsers.add("alice");

      assertThatThrownBy(() -> realm.authorization().mayAddToOrganization("alice", "acme", "acme"))
          .hasMessage(
              "not permitted: adding members to organization 'acme' needs more than your"
                  + " permissions allow");
    }

    @Test
    void refuseWhoMayNotManageTheUser() {
      realm.manageableOrganizations.add("acme");

      assertThatThrownBy(() -> realm.authorization().mayAddToOrganization("alice", "acme", "acme"))
          .hasMessage("not permitted: changing this user needs more than your permissions allow");
    }
  }
}
