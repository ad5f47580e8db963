package io.kcuserdata.events.webhooks.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link EventCatalog#userIdFromResourcePath} and {@link
 * EventCatalog#organizationIdFromResourcePath}.
 */
class ResourcePathTest {

  @Nested
  class TheUserId {

    @ParameterizedTest
    @CsvSource({
      "users/u-1, u-1",
      "users/u-1/reset-password, u-1",
      "users/u-1/federated-identity/github, u-1",
      "/users/u-1, u-1",
      "user-data/users/u-1, u-1",
      "user-data/users/u-1/suspend, u-1",
      "organizations/o-1/members/u-1, u-1",
      "users/f:ldap:jdoe/groups/g-1, f:ldap:jdoe"
    })
    void isReadFromUserAndMembershipPaths(String path, String userId) {
      assertThat(EventCatalog.userIdFromResourcePath(path)).contains(userId);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
        strings = {
          "users",
          "users/count",
          "users/profile",
          "organizations/o-1/members",
          "organizations/o-1/members/invite-user",
          "organizations/o-1/members/invite-existing-user",
          "organizations/o-1/invitations/i-1",
          "groups/g-1/members",
          "clients/c-1"
        })
    void isAbsentWhereThePathNamesNoUser(String path) {
      assertThat(EventCatalog.userIdFromResourcePath(path)).isEmpty();
    }
  }

  @Nested
  class TheOrganizationId {

    @ParameterizedTest
    @CsvSource({
      "organizations/o-1, o-1",
      "organizations/o-1/members, o-1",
      "organizations/o-1/members/u-1, o-1",
      "user-data/organizations/o-1/members/u-1, o-1"
    })
    void isReadFromOrganizationPaths(String path, String organizationId) {
      assertThat(EventCatalog.organizationIdFromResourcePath(path)).contains(organizationId);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"organizations", "organizations/members/u-1", "users/u-1"})
    void isAbsentWhereThePathNamesNoOrganization(String path) {
      assertThat(EventCatalog.organizationIdFromResourcePath(path)).isEmpty();
    }
  }
}
