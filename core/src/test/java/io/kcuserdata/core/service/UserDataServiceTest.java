package io.kcuserdata.core.service;

import static io.kcuserdata.core.json.JsonText.json;
import static io.kcuserdata.core.json.JsonText.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.error.InvalidUserDataException;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.schema.SchemaCheck;
import io.kcuserdata.core.storage.InMemoryUserAttributes;
import io.kcuserdata.core.storage.NamespaceStore;
import io.kcuserdata.core.validation.Limits;
import io.kcuserdata.core.validation.NamespaceRules;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UserDataServiceTest {

  private static final Set<String> MEMBER_OF = Set.of("acme");
  private static final Caller USER = Caller.user(MEMBER_OF);
  private static final Caller ADMIN = Caller.admin();
  private static final Map<String, Caller> CALLERS =
      Map.of(
          "user",
          USER,
          "admin",
          ADMIN,
          "acme delegated admin",
          Caller.delegatedAdmin(Set.of("acme")),
          "google mapper",
          Caller.idpMapper("google"));

  private final UserDataService service = new UserDataService(new NamespaceRules(Limits.DEFAULTS));
  private final InMemoryUserAttributes user = new InMemoryUserAttributes();

  private void stored(Namespace namespace, String content) {
    NamespaceStore.write(user, namespace, object(content));
    user.forgetWrites();
  }

  private UserDataService.WriteResult patch(Caller caller, String body, String ifMatch) {
    return service.patch(caller, user, MEMBER_OF, json(body), ifMatch, SchemaCheck.NONE);
  }

  private UserDataService.WriteResult patch(Caller caller, String body) {
    return patch(caller, body, null);
  }

  private void replace(Caller caller, Namespace namespace, String body, String ifMatch) {
    service.replace(caller, user, MEMBER_OF, namespace, json(body), ifMatch, SchemaCheck.NONE);
  }

  private ObjectNode content(Namespace namespace) {
    return service.read(user).get(namespace);
  }

  private void refusedAt(ThrowingCallable write, String where) {
    user.forgetWrites();
    Map<String, ?> before = user.all();
    assertThatThrownBy(write)
        .isInstanceOfSatisfying(
            InvalidUserDataException.class, e -> assertThat(e.where()).isEqualTo(where));
    assertThat(user.writes()).isZero();
    assertThat(user.all()).isEqualTo(before);
  }

  @Nested
  class Patching {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        textBlock =
            """
            objects merge deeply     | {'p':{'a':1,'b':{'x':1}},'k':2} | {'p':{'b':{'y':3},'c':4}} | {'p':{'a':1,'b':{'x':1,'y':3},'c':4},'k':2}
            null deletes a key       | {'a':1,'b':'x'}                 | {'a':null}                | {'b':'x'}
            arrays are replaced      | {'tags':['a','b','c']}          | {'tags':['z']}            | {'tags':['z']}
            null empties a namespace | {'a':1,'b':'x'}                 | null                      | {}
            """)
    void aPatchMergesPerRfc7396(String rule, String before, String patch, String after) {
      stored(Namespace.CUSTOM_DATA, before);

      patch(ADMIN, "{'custom_data':" + patch + "}");

      assertThat(content(Namespace.CUSTOM_DATA)).isEqualTo(json(after));
    }

    @Test
    void theAnswerIsTheNewDocumentAndNamespacesLeftOutAreUntouched() {
      stored(Namespace.USER_METADATA, "{'theme':'dark'}");

      UserDataService.WriteResult result = patch(USER, "{'profile':{'nickname':'ada'}}");

      assertThat(result.document().view(USER)).isEqualTo(service.read(user).view(USER));
      assertThat(result.document().get(Namespace.USER_METADATA))
          .isEqualTo(json("{'theme':'dark'}"));
      assertThat(user.setCalls()).containsExactly("profile.nickname");
    }

    @Test
    void aPatchThatChangesNothingWritesNothing() {
      stored(Namespace.PROFILE, "{'nickname':'ada','address':{'country':'FR'}}");

      UserDataService.WriteResult result =
          patch(USER, "{'profile':{'nickname':'ada','address':{'country':'FR'},'website':null}}");

      assertThat(result.changes()).isEmpty();
      assertThat(user.writes()).isZero();
    }

    @Test
    void replaceMakesOneNamespaceExactlyTheBodyWithoutItsNulls() {
      stored(Namespace.CUSTOM_DATA, "{'plan':'pro','seats':5}");
      stored(Namespace.USER_METADATA, "{'theme':'dark'}");

      replace(ADMIN, Namespace.CUSTOM_DATA, "{'plan':'free','x':null}", null);

      assertThat(content(Namespace.CUSTOM_DATA)).isEqualTo(json("{'plan':'free'}"));
      assertThat(content(Namespace.USER_METADATA)).isEqualTo(json("{'theme':'dark'}"));
      replace(ADMIN, Namespace.CUSTOM_DATA, "{}", null);
      assertThat(user.all()).containsOnlyKeys("user_metadata.theme");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "'x'", "null", "1"})
    void replaceRefusesABodyThatIsNotAnObject(String body) {
      refusedAt(() -> replace(ADMIN, Namespace.CUSTOM_DATA, body, null), "custom_data");
    }
  }

  @Nested
  class Preconditions {

    @ParameterizedTest
    @ValueSource(
        strings = {"{weak}", "{strong}", "*", "W/\"old\", {weak}", " \"old\" ,{strong} ", "", " "})
    void aCurrentEtagInAnyFormOrNoIfMatchLetsTheWriteThrough(String ifMatch) {
      stored(Namespace.PROFILE, "{'nickname':'ada'}");
      String weak = service.read(user).etag(USER);
      String header = ifMatch.replace("{weak}", weak).replace("{strong}", weak.substring(2));

      patch(USER, "{'profile':{'nickname':'bob'}}", header);

      assertThat(content(Namespace.PROFILE)).isEqualTo(json("{'nickname':'bob'}"));
    }

    @Test
    void aStaleEtagFailsWithTheCurrentOneAndWritesNothing() {
      String stale = service.read(user).etag(ADMIN);
      patch(ADMIN, "{'profile':{'nickname':'bob'}}");
      user.forgetWrites();
      String current = service.read(user).etag(ADMIN);

      assertThatThrownBy(() -> patch(ADMIN, "{'profile':{'nickname':'eve'}}", stale + ", W/\"x\""))
          .isInstanceOfSatisfying(
              PreconditionFailedException.class,
              e -> assertThat(e.currentEtag()).isEqualTo(current).isNotEqualTo(stale));
      assertThatThrownBy(() -> replace(ADMIN, Namespace.PROFILE, "{}", stale))
          .isInstanceOf(PreconditionFailedException.class);
      assertThat(user.writes()).isZero();
    }

    @Test
    void anEtagIsCheckedAgainstTheCallersOwnView() {
      stored(Namespace.APP_METADATA, "{'internal':1}");
      String adminEtag = service.read(user).etag(ADMIN);

      assertThatThrownBy(() -> patch(USER, "{}", adminEtag))
          .isInstanceOfSatisfying(
              PreconditionFailedException.class,
              e -> assertThat(e.currentEtag()).isEqualTo(service.read(user).etag(USER)));
    }
  }

  @Nested
  class Atomicity {

    @ParameterizedTest
    @ValueSource(strings = {"{'1bad':1}", "{'deep':[[[[[[[[1]]]]]]]]}", "{'k':'%s'}", "[1]"})
    void aPatchWithOneBadNamespaceWritesNone(String badPart) {
      stored(Namespace.PROFILE, "{'nickname':'ada'}");
      String body =
          "{'profile':{'nickname':'bob'},'user_metadata':{'theme':'dark'},'custom_data':%s}"
              .formatted(badPart.formatted("x".repeat(16 * 1024)));

      assertThatThrownBy(() -> patch(ADMIN, body)).isInstanceOf(InvalidUserDataException.class);
      assertThat(user.writes()).isZero();
      assertThat(content(Namespace.PROFILE)).isEqualTo(json("{'nickname':'ada'}"));
    }

    @Test
    void aPatchWithOneRefusedNamespaceWritesNone() {
      String body = "{'profile':{'nickname':'b'},'user_metadata':{'a':1},'custom_data':{'p':'x'}}";

      refusedAt(() -> patch(USER, body), "custom_data");
    }
  }

  @Nested
  class Access {

    @ParameterizedTest(name = "{0} may not write {2}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        textBlock =
            """
            user                 | {'custom_data':{'k':'v'}}        | custom_data
            user                 | {'app_metadata':{'k':'v'}}       | app_metadata
            user                 | {'status':{'login_count':1}}     | status
            user                 | {'idp':{'google':{'k':'v'}}}     | idp.google
            user                 | {'org':{'acme':{'k':'v'}}}       | org.acme
            admin                | {'status':{'login_count':1}}     | status
            admin                | {'idp':{'x':{'k':'v'}}}          | idp.x
            google mapper        | {'idp':{'github':{'k':'v'}}}     | idp.github
            google mapper        | {'user_metadata':{'k':'v'}}      | user_metadata
            acme delegated admin | {'profile':{'nickname':'x'}}     | profile
            acme delegated admin | {'org':{'globex':{'k':'v'}}}     | org.globex
            """)
    void aNamespaceTheTableForbidsIsRefusedNamingIt(String caller, String body, String where) {
      refusedAt(() -> patch(CALLERS.get(caller), body), where);
    }

    @Test
    void anIdpMapperWritesItsOwnAliasAndTheSystemWritesStatus() {
      patch(Caller.idpMapper("google"), "{'idp':{'google':{'sub':'g1'}}}");
      patch(Caller.system(), "{'status':{'login_count':1}}");

      assertThat(content(Namespace.idp("google"))).isEqualTo(json("{'sub':'g1'}"));
      assertThat(content(Namespace.STATUS)).isEqualTo(json("{'login_count':1}"));
    }

    @Test
    void aUsersRefusedWriteToAppMetadataFailsTheSameWayWhateverItHolds() {
      Throwable whenEmpty = catchThrowable(() -> patch(USER, "{'app_metadata':{}}"));
      stored(Namespace.APP_METADATA, "{'secret':'s'}");
      Throwable noOp = catchThrowable(() -> patch(USER, "{'app_metadata':{'secret':'s'}}"));
      Throwable change = catchThrowable(() -> patch(USER, "{'app_metadata':{'secret':'t'}}"));

      assertThat(noOp).isInstanceOf(InvalidUserDataException.class).hasMessageNotContaining("'s'");
      assertThat(change).hasMessage(noOp.getMessage());
      assertThat(whenEmpty).hasMessage(noOp.getMessage());
      assertThat(user.writes()).isZero();
    }

    @Test
    void aUsersNullForOrgRevealsNoOrganizationTheyCannotSee() {
      Throwable withoutHiddenData = catchThrowable(() -> patch(USER, "{'org':null}"));
      stored(Namespace.org("former"), "{'department':'R&D'}");
      Throwable withHiddenData = catchThrowable(() -> patch(USER, "{'org':null}"));

      assertThat(withHiddenData)
          .isInstanceOf(InvalidUserDataException.class)
          .hasMessageNotContaining("former");
      assertThat(withoutHiddenData).hasMessage(withHiddenData.getMessage());
    }
  }

  @Nested
  class Organizations {

    @Test
    void orgDataIsWrittenForMemberOrganizationsOnly() {
      patch(ADMIN, "{'org':{'acme':{'department':'R&D'}}}");

      assertThat(content(Namespace.org("acme"))).isEqualTo(json("{'department':'R&D'}"));
      refusedAt(() -> patch(ADMIN, "{'org':{'globex':{'d':1}}}"), "org.globex");
      refusedAt(
          () -> patch(Caller.idpMapper("google"), "{'org':{'globex':{'d':1}}}"), "org.globex");
    }

    @Test
    void orgDataOfANonMemberOrganizationCanBeDeleted() {
      stored(Namespace.org("former"), "{'department':'R&D'}");
      stored(Namespace.org("gone"), "{'n':1}");

      patch(ADMIN, "{'org':{'former':null}}");
      assertThat(user.all()).containsOnlyKeys("org.gone.n", "org.gone._json");
      patch(ADMIN, "{'org':null}");
      assertThat(user.all()).isEmpty();
    }

    @Test
    void aDelegatedAdminChangesTheirOrganizationAndNoOther() {
      stored(Namespace.org("globex"), "{'department':'Sales'}");

      patch(Caller.delegatedAdmin(Set.of("acme")), "{'org':{'acme':{'department':'R&D'}}}");

      assertThat(content(Namespace.org("acme"))).isEqualTo(json("{'department':'R&D'}"));
      assertThat(content(Namespace.org("globex"))).isEqualTo(json("{'department':'Sales'}"));
    }
  }

  @Nested
  class ChangesAndRefusals {

    @Test
    void theChangesNameEachNamespaceAndTheKeysAddedChangedOrRemoved() {
      stored(Namespace.CUSTOM_DATA, "{'kept':1,'changed':'a','removed':true}");
      stored(Namespace.USER_METADATA, "{'theme':'dark'}");

      UserDataService.WriteResult result =
          patch(
              ADMIN,
              "{'custom_data':{'kept':1,'changed':'b','removed':null,'added':[]},"
                  + "'user_metadata':{'theme':'dark'},'org':{'acme':{'d':1}}}");

      assertThat(result.changes())
          .containsExactlyInAnyOrder(
              new Change(Namespace.CUSTOM_DATA, Set.of("changed", "removed", "added")),
              new Change(Namespace.org("acme"), Set.of("d")));
    }

    @Test
    void anUnknownNamespaceIsRefused() {
      refusedAt(() -> patch(ADMIN, "{'profile':{'nickname':'x'},'billing':{'k':1}}"), "billing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "'x'", "null", "1", "{'custom_data':[1]}", "{'org':'acme'}"})
    void aBodyThatIsNotADocumentOfObjectsIsRefused(String body) {
      assertThatThrownBy(() -> patch(ADMIN, body)).isInstanceOf(InvalidUserDataException.class);
      assertThat(user.writes()).isZero();
    }
  }

  @Nested
  class ProfileClaimFormats {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"user", "admin", "google mapper"})
    void aWebsiteThatIsNotAUrlIsRefusedForEveryWriterAndNothingIsKept(String who) {
      refusedAt(
          () -> patch(CALLERS.get(who), "{'profile':{'nickname':'ally','website':'not a url'}}"),
          "profile.website");
    }

    @Test
    void theOtherNamespacesOfTheSamePatchAreNotKeptEither() {
      refusedAt(
          () -> patch(ADMIN, "{'custom_data':{'plan':'pro'},'profile':{'website':'not a url'}}"),
          "profile.website");
    }

    @Test
    void theRefusalCarriesKeycloaksMessageKeyForForms() {
      InvalidUserDataException refused =
          (InvalidUserDataException)
              catchThrowable(() -> patch(USER, "{'profile':{'birthdate':'1990-02-30'}}"));

      assertThat(refused.messageKey()).contains("error-invalid-date");
      assertThat(refused.getMessage()).startsWith("profile.birthdate: Invalid date.");
    }

    @Test
    void aReplacedNamespaceIsHeldToTheFormatsToo() {
      refusedAt(
          () -> replace(ADMIN, Namespace.PROFILE, "{'zoneinfo':'Mars/Olympus'}", null),
          "profile.zoneinfo");
    }

    @Test
    void aBadValueStoredBeforeTheRuleDoesNotBlockWritingAnotherKey() {
      stored(Namespace.PROFILE, "{'website':'not a url'}");

      patch(USER, "{'profile':{'nickname':'ally'}}");

      assertThat(content(Namespace.PROFILE).path("nickname").asText()).isEqualTo("ally");
      assertThat(content(Namespace.PROFILE).path("website").asText()).isEqualTo("not a url");
    }

    @Test
    void butChangingThatValueHoldsTheNewOneToTheFormat() {
      stored(Namespace.PROFILE, "{'website':'not a url'}");

      refusedAt(() -> patch(USER, "{'profile':{'website':'still not'}}"), "profile.website");
    }
  }
}
