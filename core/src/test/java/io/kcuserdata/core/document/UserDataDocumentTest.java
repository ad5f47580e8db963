package io.kcuserdata.core.document;

import static io.kcuserdata.core.json.JsonText.json;
import static io.kcuserdata.core.json.JsonText.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.namespace.Namespace;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UserDataDocumentTest {

  private static Map<Namespace, ObjectNode> everything() {
    Map<Namespace, ObjectNode> namespaces = new TreeMap<>();
    namespaces.put(Namespace.PROFILE, object("{'nickname':'ada'}"));
    namespaces.put(Namespace.USER_METADATA, object("{'theme':'dark'}"));
    namespaces.put(Namespace.CUSTOM_DATA, object("{'plan':'pro'}"));
    namespaces.put(Namespace.APP_METADATA, object("{'internal_id':7}"));
    namespaces.put(Namespace.idp("google"), object("{'sub':'g1'}"));
    namespaces.put(Namespace.idp("github"), object("{'login':'ada'}"));
    namespaces.put(Namespace.org("acme"), object("{'department':'R&D'}"));
    namespaces.put(Namespace.org("globex"), object("{'cost_center':'42'}"));
    namespaces.put(Namespace.STATUS, object("{'login_count':3}"));
    return namespaces;
  }

  private final UserDataDocument document = new UserDataDocument(everything());

  @Nested
  class Views {

    @Test
    void anAdminSeesEverythingInTheShapeOfTheContract() {
      assertThat(document.view(Caller.admin()))
          .isEqualTo(
              json(
                  "{'profile':{'nickname':'ada'},'user_metadata':{'theme':'dark'},"
                      + "'custom_data':{'plan':'pro'},'app_metadata':{'internal_id':7},"
                      + "'idp':{'github':{'login':'ada'},'google':{'sub':'g1'}},"
                      + "'org':{'acme':{'department':'R&D'},'globex':{'cost_center':'42'}},"
                      + "'status':{'login_count':3}}"));
    }

    @Test
    void theSystemSeesWhatAnAdminSees() {
      assertThat(document.view(Caller.system())).isEqualTo(document.view(Caller.admin()));
    }

    @Test
    void theUserNeverSeesAppMetadataOrStatus() {
      ObjectNode view = document.view(Caller.user(Set.of("acme", "globex")));

      assertThat(view.has("app_metadata")).isFalse();
      assertThat(view.has("status")).isFalse();
      assertThat(view.toString()).doesNotContain("internal_id", "login_count");
    }

    @Test
    void theUserSeesTheirOwnOrganizationsOnly() {
      ObjectNode view = document.view(Caller.user(Set.of("acme")));

      assertThat(view.get("org")).isEqualTo(json("{'acme':{'department':'R&D'}}"));
      assertThat(view.get("idp").size()).isEqualTo(2);
      assertThat(view.get("custom_data")).isEqualTo(json("{'plan':'pro'}"));
    }

    @Test
    void aUserOfNoOrganizationSeesAnEmptyOrg() {
      assertThat(document.view(Caller.user(Set.of())).get("org")).isEqualTo(json("{}"));
    }

    @Test
    void unscopedNamespacesAppearEvenWhenEmpty() {
      assertThat(new UserDataDocument(Map.of()).view(Caller.user(Set.of())))
          .isEqualTo(json("{'profile':{},'user_metadata':{},'custom_data':{},'idp':{},'org':{}}"));
    }

    @Test
    void aDelegatedAdminSeesOnlyTheOrganizationsTheyAdminister() {
      assertThat(document.view(Caller.delegatedAdmin(Set.of("globex", "initech"))))
          .isEqualTo(json("{'org':{'globex':{'cost_center':'42'}}}"));
    }

    @Test
    void anIdpMapperSeesItsOwnAliasAmongWhatItWrites() {
      ObjectNode view = document.view(Caller.idpMapper("google"));

      assertThat(view.get("idp")).isEqualTo(json("{'google':{'sub':'g1'}}"));
      assertThat(view.has("user_metadata")).isFalse();
      assertThat(view.has("status")).isFalse();
    }
  }

  @Nested
  class Content {

    @Test
    void anAbsentNamespaceReadsAsAnEmptyObject() {
      assertThat(new UserDataDocument(Map.of()).get(Namespace.org("acme"))).isEqualTo(json("{}"));
    }

    @Test
    void changingWhatWasReadLeavesTheDocumentAlone() {
      document.get(Namespace.CUSTOM_DATA).put("plan", "free");
      ((ObjectNode) document.view(Caller.admin()).get("custom_data")).put("plan", "free");
      document.namespaces().remove(Namespace.CUSTOM_DATA);

      assertThat(document.get(Namespace.CUSTOM_DATA)).isEqualTo(json("{'plan':'pro'}"));
    }

    @Test
    void changingTheMapItWasBuiltFromLeavesTheDocumentAlone() {
      Map<Namespace, ObjectNode> namespaces = everything();
      UserDataDocument built = new UserDataDocument(namespaces);
      namespaces.remove(Namespace.PROFILE);

      assertThat(built.namespaces()).containsKey(Namespace.PROFILE);
    }
  }

  @Nested
  class Etags {

    @Test
    void anEtagIsWeak() {
      assertThat(document.etag(Caller.admin())).matches("W/\"[A-Za-z0-9_-]+\"");
    }

    @Test
    void equalContentGivesTheSameEtag() {
      UserDataDocument same = new UserDataDocument(everything());

      assertThat(same.etag(Caller.admin())).isEqualTo(document.etag(Caller.admin()));
      assertThat(same.etag(Caller.user(Set.of("acme"))))
          .isEqualTo(document.etag(Caller.user(Set.of("acme"))));
    }

    @Test
    void anyChangeGivesAnotherEtag() {
      Map<Namespace, ObjectNode> changed = everything();
      changed.get(Namespace.org("acme")).put("department", "Sales");

      assertThat(new UserDataDocument(changed).etag(Caller.admin()))
          .isNotEqualTo(document.etag(Caller.admin()));
    }

    @Test
    void aChangeTheCallerCannotSeeLeavesTheirEtagAlone() {
      Caller user = Caller.user(Set.of("acme"));
      Map<Namespace, ObjectNode> changed = everything();
      changed.get(Namespace.APP_METADATA).put("internal_id", 8);
      changed.get(Namespace.org("globex")).put("cost_center", "43");

      assertThat(new UserDataDocument(changed).etag(user)).isEqualTo(document.etag(user));
    }

    @Test
    void callersWhoSeeDifferentViewsGetDifferentEtags() {
      assertThat(document.etag(Caller.user(Set.of("acme"))))
          .isNotEqualTo(document.etag(Caller.admin()));
    }
  }
}
