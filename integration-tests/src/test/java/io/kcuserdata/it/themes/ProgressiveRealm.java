package io.kcuserdata.it.themes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderSimpleRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPAttributePermissions;
import org.keycloak.representations.userprofile.config.UPConfig;

/**
 * A realm on the {@code userdata} login theme with {@code userdata-progressive-profile} registered
 * and configured to collect four attributes two at a time: a declared {@code phone} (the user
 * profile's pattern validator applies), {@code profile.nickname}, {@code user_metadata.team} and
 * {@code profile.website}.
 */
public final class ProgressiveRealm {

  public static final String ACTION = "userdata-progressive-profile";
  public static final String FORM = "userdata-progressive-profile-form";
  public static final List<String> ATTRIBUTES =
      List.of("phone", "profile.nickname", "user_metadata.team", "profile.website");

  public final TestRealm realm;
  private final HttpApi admin;

  private ProgressiveRealm(TestRealm realm, HttpApi admin) {
    this.realm = realm;
    this.admin = admin;
  }

  /** German next to English, so pages can be checked in a second language. */
  public static ProgressiveRealm create(Realms realms, HttpApi admin) {
    return create(realms, admin, r -> {});
  }

  /** As above, {@code more} changing the realm before it is created (an SMTP server, …). */
  public static ProgressiveRealm create(
      Realms realms, HttpApi admin, java.util.function.Consumer<RealmRepresentation> more) {
    TestRealm realm =
        realms.create(
            r -> {
              r.setLoginTheme("userdata");
              r.setInternationalizationEnabled(true);
              r.setSupportedLocales(java.util.Set.of("en", "de"));
              r.setDefaultLocale("en");
              more.accept(r);
            });
    ProgressiveRealm progressive = new ProgressiveRealm(realm, admin);
    progressive.declarePhone();
    RequiredActionProviderSimpleRepresentation action =
        new RequiredActionProviderSimpleRepresentation();
    action.setProviderId(ACTION);
    action.setName("Progressive profile");
    realm.admin().flows().registerRequiredAction(action);
    progressive.configure(
        Map.of(
            "attributes", String.join("##", ATTRIBUTES),
            "max.per.prompt", "2",
            "skippable", "true",
            "sign.ins.between.prompts", "1"));
    return progressive;
  }

  /** Saves the action's config through the admin API, as the console does, and answers it. */
  public HttpApi.Answer tryConfigure(Map<String, String> config) {
    try {
      return admin.send(
          "PUT",
          "/admin/realms/"
              + realm.name()
              + "/authentication/required-actions/"
              + ACTION
              + "/config",
          "application/json",
          new ObjectMapper().writeValueAsString(Map.of("config", config)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public void configure(Map<String, String> config) {
    assertThat(tryConfigure(config).status()).as("saving %s", config).isEqualTo(204);
  }

  /** A realm that shows its own brand: the theme reads these two realm attributes. */
  public void brand(String primaryColour, String logoUrl) {
    RealmRepresentation rep = realm.admin().toRepresentation();
    Map<String, String> attributes =
        rep.getAttributes() == null
            ? new java.util.HashMap<>()
            : new java.util.HashMap<>(rep.getAttributes());
    attributes.put("userdata.theme.primary.color", primaryColour);
    attributes.put("userdata.theme.logo.url", logoUrl);
    rep.setAttributes(attributes);
    realm.admin().update(rep);
  }

  /** The user's data as the user-data admin API answers it. */
  public com.fasterxml.jackson.databind.JsonNode userData(String userId) {
    return admin
        .get("/admin/realms/" + realm.name() + "/user-data/users/" + userId)
        .requireStatus(200)
        .json();
  }

  private void declarePhone() {
    UPConfig config = realm.admin().users().userProfile().getConfiguration();
    UPAttribute phone = new UPAttribute("phone");
    phone.setDisplayName("Phone number");
    phone.setPermissions(
        new UPAttributePermissions(
            java.util.Set.of("admin", "user"), java.util.Set.of("admin", "user")));
    phone.setValidations(
        Map.of(
            "pattern",
            Map.of(
                "pattern", "^\\+?[0-9 ]{6,20}$",
                "error-message", "Use digits, spaces and an optional leading +")));
    config.addOrReplaceAttribute(phone);
    realm.admin().users().userProfile().update(config);
  }
}
