package io.kcuserdata.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.namespace.NamespaceKind;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AccessPolicyTest {

  private static final Caller USER_IN_ACME = Caller.user(Set.of("acme"));
  private static final Caller ADMIN = Caller.admin();
  private static final Caller DELEGATED_ADMIN_OF_ACME = Caller.delegatedAdmin(Set.of("acme"));
  private static final Caller GOOGLE_MAPPER = Caller.idpMapper("google");
  private static final Caller SYSTEM = Caller.system();

  @Nested
  class TheAccessTable {

    /*
     * The access table of docs/user-data.md ("The model"), one namespace per row, r = read, w =
     * write, - = neither. The user is a member of acme, the delegated admin administers acme, the
     * mapper runs for idp google. The documented table gives IdP mappers "write"; they also read
     * what they may write (update policies). It has no column for the pack itself (system), which
     * reads and writes everything.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        useHeadersInDisplayName = true,
        textBlock =
            """
            namespace     | user | admins | delegated admin | IdP mapper | system
            profile       | rw   | rw     | -               | rw         | rw
            user_metadata | rw   | rw     | -               | -          | rw
            custom_data   | r    | rw     | -               | rw         | rw
            app_metadata  | -    | rw     | -               | rw         | rw
            idp.google    | r    | r      | -               | rw         | rw
            idp.github    | r    | r      | -               | -          | rw
            status        | -    | r      | -               | -          | rw
            org.acme      | r    | rw     | rw              | rw         | rw
            org.other     | -    | rw     | -               | rw         | rw
            """)
    void everyCellOfTheTableHolds(
        String namespace,
        String user,
        String admins,
        String delegatedAdmin,
        String idpMapper,
        String system) {
      Namespace ns = Namespace.parse(namespace);
      Map<Caller, String> row = new LinkedHashMap<>();
      row.put(USER_IN_ACME, user);
      row.put(ADMIN, admins);
      row.put(DELEGATED_ADMIN_OF_ACME, delegatedAdmin);
      row.put(GOOGLE_MAPPER, idpMapper);
      row.put(SYSTEM, system);

      SoftAssertions softly = new SoftAssertions();
      row.forEach(
          (caller, cell) -> {
            softly
                .assertThat(AccessPolicy.canRead(caller, ns))
                .as("%s reads %s", caller.actor(), namespace)
                .isEqualTo(cell.contains("r"));
            softly
                .assertThat(AccessPolicy.canWrite(caller, ns))
                .as("%s writes %s", caller.actor(), namespace)
                .isEqualTo(cell.contains("w"));
          });
      softly.assertAll();
    }
  }

  @Nested
  class Scopes {

    @Test
    void aUserWithoutOrganizationsReadsNoOrganizationData() {
      Caller loner = Caller.user(Set.of());

      assertThat(AccessPolicy.canRead(loner, Namespace.org("acme"))).isFalse();
      assertThat(AccessPolicy.canWrite(loner, Namespace.org("acme"))).isFalse();
    }

    @Test
    void aUserReadsEachOfTheirOrganizationsButWritesNone() {
      Caller user = Caller.user(Set.of("acme", "globex"));

      assertThat(AccessPolicy.canRead(user, Namespace.org("globex"))).isTrue();
      assertThat(AccessPolicy.canRead(user, Namespace.org("initech"))).isFalse();
      assertThat(AccessPolicy.canWrite(user, Namespace.org("globex"))).isFalse();
    }

    @Test
    void aDelegatedAdminOfSeveralOrganizationsReachesEachOfThemOnly() {
      Caller delegated = Caller.delegatedAdmin(Set.of("acme", "globex"));

      assertThat(AccessPolicy.canWrite(delegated, Namespace.org("globex"))).isTrue();
      assertThat(AccessPolicy.canRead(delegated, Namespace.org("initech"))).isFalse();
      assertThat(AccessPolicy.canRead(delegated, Namespace.PROFILE)).isFalse();
    }

    @Test
    void anIdpMapperWritesItsOwnAliasOnly() {
      assertThat(AccessPolicy.canWrite(GOOGLE_MAPPER, Namespace.idp("google"))).isTrue();
      assertThat(AccessPolicy.canWrite(GOOGLE_MAPPER, Namespace.idp("google2"))).isFalse();
      assertThat(AccessPolicy.canWrite(Caller.idpMapper("github"), Namespace.idp("google")))
          .isFalse();
    }

    @ParameterizedTest
    @EnumSource(names = {"PROFILE", "USER_METADATA", "CUSTOM_DATA", "APP_METADATA", "STATUS"})
    void anIdpMapperReadsExactlyWhatItMayWrite(NamespaceKind kind) {
      Namespace ns = new Namespace(kind, null);

      assertThat(AccessPolicy.canRead(GOOGLE_MAPPER, ns))
          .isEqualTo(AccessPolicy.canWrite(GOOGLE_MAPPER, ns));
    }

    @Test
    void anIdpMapperNeedsAnAlias() {
      assertThatNullPointerException().isThrownBy(() -> Caller.idpMapper(null));
    }

    @Test
    void aCallersOrganizationsCannotChangeAfterTheFact() {
      Set<String> orgs = new HashSet<>(Set.of("acme"));
      Caller user = Caller.user(orgs);
      orgs.add("globex");

      assertThat(AccessPolicy.canRead(user, Namespace.org("globex"))).isFalse();
      assertThat(Caller.user(null).organizations()).isEmpty();
    }
  }

  @Nested
  class Refusals {

    @Test
    void aNamespaceTheCallerCanReadIsRefusedAsReadOnly() {
      assertThat(AccessPolicy.writeRefusal(USER_IN_ACME, Namespace.CUSTOM_DATA))
          .isEqualTo("namespace is read-only for the user");
      assertThat(AccessPolicy.writeRefusal(ADMIN, Namespace.STATUS))
          .isEqualTo("namespace is read-only for administrators");
    }

    @Test
    void aNamespaceTheCallerCannotReadIsRefusedAsNotAccessible() {
      assertThat(AccessPolicy.writeRefusal(USER_IN_ACME, Namespace.APP_METADATA))
          .isEqualTo("namespace is not accessible to the user");
      assertThat(AccessPolicy.writeRefusal(GOOGLE_MAPPER, Namespace.idp("github")))
          .isEqualTo("namespace is not accessible to identity-provider mappers");
      assertThat(AccessPolicy.writeRefusal(DELEGATED_ADMIN_OF_ACME, Namespace.APP_METADATA))
          .isEqualTo("namespace is not accessible to delegated administrators");
    }
  }
}
