package io.kcuserdata.core.storage;

import static io.kcuserdata.core.json.JsonText.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.Namespace;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NamespaceStoreTest {

  private final InMemoryUserAttributes user = new InMemoryUserAttributes();

  private void stored(Namespace namespace, String content) {
    NamespaceStore.write(user, namespace, object(content));
    user.forgetWrites();
  }

  @Nested
  class Reading {

    @Test
    void readingDecodesEveryNamespaceOfTheUser() {
      user.with("email", "a@b.c")
          .with("custom_data.plan", "pro")
          .with("custom_data.seats", "5")
          .with("custom_data._json", "seats")
          .with("org.acme.department", "R&D");

      assertThat(NamespaceStore.readAll(user))
          .containsOnly(
              entry(Namespace.CUSTOM_DATA, object("{'plan':'pro','seats':5}")),
              entry(Namespace.org("acme"), object("{'department':'R&D'}")));
    }

    @Test
    void aUserWithoutDataReadsAsNoNamespaces() {
      user.with("firstName", "Ada");

      assertThat(NamespaceStore.readAll(user)).isEmpty();
    }
  }

  @Nested
  class Writing {

    @Test
    void whatIsWrittenReadsBackWithItsTypes() {
      String content = "{'s':'42','n':42,'b':false,'o':{'k':[1,'2']},'a':[]}";

      NamespaceStore.write(user, Namespace.USER_METADATA, object(content));

      assertThat(NamespaceStore.readAll(user))
          .containsExactly(entry(Namespace.USER_METADATA, object(content)));
    }

    @Test
    void stringsLandAsRawAttributesKeycloakCanSearch() {
      NamespaceStore.write(user, Namespace.CUSTOM_DATA, object("{'plan':'pro','seats':5}"));

      assertThat(user.all())
          .containsOnly(
              entry("custom_data.plan", List.of("pro")),
              entry("custom_data.seats", List.of("5")),
              entry("custom_data._json", List.of("seats")));
    }

    @Test
    void onlyChangedAttributesAreTouched() {
      stored(Namespace.CUSTOM_DATA, "{'a':'1','b':'2','n':3}");

      NamespaceStore.write(user, Namespace.CUSTOM_DATA, object("{'a':'1','b':'changed','n':3}"));

      assertThat(user.setCalls()).containsExactly("custom_data.b");
      assertThat(user.removeCalls()).isEmpty();
    }

    @Test
    void writingTheSameContentTouchesNothing() {
      stored(Namespace.CUSTOM_DATA, "{'a':'1','n':{'x':[1]}}");

      NamespaceStore.write(user, Namespace.CUSTOM_DATA, object("{'n':{'x':[1]},'a':'1'}"));

      assertThat(user.writes()).isZero();
    }

    @Test
    void keysNoLongerPresentAreRemoved() {
      stored(Namespace.CUSTOM_DATA, "{'a':'1','b':'2'}");

      NamespaceStore.write(user, Namespace.CUSTOM_DATA, object("{'a':'1'}"));

      assertThat(user.removeCalls()).containsExactly("custom_data.b");
      assertThat(user.setCalls()).isEmpty();
      assertThat(user.all()).containsOnlyKeys("custom_data.a");
    }

    @Test
    void theMarkerGoesWhenNoJsonValueRemains() {
      stored(Namespace.CUSTOM_DATA, "{'s':'x','n':1}");

      NamespaceStore.write(user, Namespace.CUSTOM_DATA, object("{'s':'x','n':'1'}"));

      assertThat(user.all())
          .containsOnly(entry("custom_data.s", List.of("x")), entry("custom_data.n", List.of("1")));
      assertThat(user.removeCalls()).containsExactly("custom_data._json");
    }

    @Test
    void turningAStringIntoTheSameLookingNumberOnlyMarksIt() {
      stored(Namespace.CUSTOM_DATA, "{'n':'42'}");

      NamespaceStore.write(user, Namespace.CUSTOM_DATA, object("{'n':42}"));

      assertThat(user.setCalls()).containsExactly("custom_data._json");
      assertThat(NamespaceStore.readAll(user).get(Namespace.CUSTOM_DATA).get("n").isInt()).isTrue();
    }

    @Test
    void theMarkerFollowsTheKeysHoldingJson() {
      stored(Namespace.CUSTOM_DATA, "{'a':1}");

      NamespaceStore.write(user, Namespace.CUSTOM_DATA, object("{'a':1,'b':true}"));

      assertThat(user.all()).contains(entry("custom_data._json", List.of("a", "b")));
      assertThat(user.setCalls()).containsExactlyInAnyOrder("custom_data.b", "custom_data._json");
    }

    @Test
    void anEmptyObjectRemovesTheWholeNamespace() {
      stored(Namespace.idp("google"), "{'sub':'1','age':3}");

      NamespaceStore.write(user, Namespace.idp("google"), Json.object());

      assertThat(user.all()).isEmpty();
      assertThat(user.removeCalls())
          .containsExactlyInAnyOrder("idp.google.sub", "idp.google.age", "idp.google._json");
    }

    @Test
    void otherNamespacesAndOtherAttributesAreLeftAlone() {
      user.with("email", "a@b.c").with("custom_data", "bare").with("org.acme.", "odd");
      stored(Namespace.org("acme-eu"), "{'k':1}");
      stored(Namespace.idp("acme"), "{'k':'v'}");
      stored(Namespace.org("acme"), "{'k':2,'j':'x'}");

      NamespaceStore.write(user, Namespace.org("acme"), Json.object());

      assertThat(user.all())
          .containsOnlyKeys(
              "email",
              "custom_data",
              "org.acme.",
              "org.acme-eu.k",
              "org.acme-eu._json",
              "idp.acme.k");
      assertThat(user.removeCalls()).allMatch(name -> name.startsWith("org.acme."));
    }
  }
}
