package io.kcuserdata.mappers.email;

import static io.kcuserdata.mappers.email.VerifiedClaimTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.ExistingUserInfo;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.AbstractIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.UserModel;
import org.keycloak.representations.JsonWebToken;

/** The mapper's hooks against fake Keycloak models, in the order Keycloak calls them. */
class BrokeredEmailVerificationTest {

  private final EmailVerificationIdpMapper mapper = new EmailVerificationIdpMapper();
  private final Fakes.AuthSession authSession = new Fakes.AuthSession();
  private final Fakes.Session session = new Fakes.Session();

  private static IdentityProviderMapperModel mapperModel(String policy, String requireAction) {
    Map<String, String> config = new HashMap<>();
    config.put("policy", policy);
    config.put("require.verify.action", requireAction);
    IdentityProviderMapperModel model = new IdentityProviderMapperModel();
    model.setName("email policy");
    model.setConfig(config);
    return model;
  }

  private BrokeredIdentityContext login(String email, String userinfo) {
    BrokeredIdentityContext context = Fakes.context(email, authSession.model());
    if (userinfo != null) {
      context.getContextData().put(OIDCIdentityProvider.USER_INFO, json(userinfo));
    }
    return context;
  }

  private void preprocess(IdentityProviderMapperModel model, BrokeredIdentityContext context) {
    mapper.preprocessFederatedIdentity(session.model(), Fakes.realm(), model, context);
  }

  @Nested
  class BeforeAnyFlow {

    @Test
    void theProvidersVerdictIsInTheContextDataAndInTheAuthSession() {
      BrokeredIdentityContext context =
          login("a@example.com", "{\"email\":\"a@example.com\",\"email_verified\":true}");

      preprocess(mapperModel("claim", null), context);

      assertThat(context.getContextData())
          .containsEntry("userdata.brokered.email.verified", "true")
          .containsEntry("userdata.brokered.email.verified.reason", "claim-true")
          .containsEntry("userdata.brokered.email.address", "a@example.com");
      assertThat(authSession.notes)
          .containsEntry("userdata.brokered.email.verified", "true")
          .containsEntry("userdata.brokered.email.verified.reason", "claim-true")
          .doesNotContainKey("userdata.brokered.email.address");
    }

    @Test
    void aLocalAccountVerifiedForTheSameAddressDoesNotMakeTheProviderVerdictTrue() {
      session.with(new Fakes.User("victim", "a@example.com", true).model());
      BrokeredIdentityContext context = login("a@example.com", "{\"email_verified\":false}");

      preprocess(mapperModel("claim", null), context);

      assertThat(authSession.notes).containsEntry("userdata.brokered.email.verified", "false");
      assertThat(context.getContextData())
          .containsEntry("userdata.brokered.email.holder", "victim");
    }

    @Test
    void aMisconfiguredMapperCountsNothingAsVerified() {
      BrokeredIdentityContext context = login("a@example.com", "{\"email_verified\":true}");

      preprocess(mapperModel("trust-everything", null), context);

      assertThat(authSession.notes)
          .containsEntry("userdata.brokered.email.verified", "false")
          .containsEntry("userdata.brokered.email.verified.reason", "config-invalid");
    }
  }

  @Nested
  class FirstLogin {

    @Test
    void trustEmailsYesForAMissingClaimIsUndoneEvenAfterKeycloakSetsItAgain() {
      BrokeredIdentityContext context = login("new@example.com", "{\"sub\":\"1\"}");
      IdentityProviderMapperModel model = mapperModel("claim", null);
      preprocess(model, context);
      Fakes.User user = new Fakes.User("new", "new@example.com", true);

      mapper.importNewUser(session.model(), Fakes.realm(), user.model(), model, context);
      assertThat(user.emailVerified).isFalse();
      user.emailVerified = true; // the provider's updateBrokeredUser, after the mappers
      session.commit();

      assertThat(user.emailVerified).isFalse();
      assertThat(authSession.notes)
          .containsEntry("userdata.brokered.email.local", "unverified")
          .containsEntry("userdata.brokered.email.local.reason", "claim-missing");
    }

    @Test
    void policyAlwaysVerifiesWithoutTrustEmail() {
      BrokeredIdentityContext context = login("new@example.com", null);
      IdentityProviderMapperModel model = mapperModel("always", null);
      preprocess(model, context);
      Fakes.User user = new Fakes.User("new", "new@example.com", false);

      mapper.importNewUser(session.model(), Fakes.realm(), user.model(), model, context);
      user.emailVerified = false;
      session.commit();

      assertThat(user.emailVerified).isTrue();
    }

    @Test
    void requireVerifyActionAddsVerifyEmailToAnUnverifiedUser() {
      BrokeredIdentityContext context = login("new@example.com", "{\"email_verified\":false}");
      IdentityProviderMapperModel model = mapperModel("claim", "true");
      preprocess(model, context);
      Fakes.User user = new Fakes.User("new", "new@example.com", false);

      mapper.importNewUser(session.model(), Fakes.realm(), user.model(), model, context);

      assertThat(user.requiredActions)
          .containsExactly(UserModel.RequiredAction.VERIFY_EMAIL.name());
    }

    @Test
    void anAddressTypedOnTheReviewPageIsNotVerifiedEvenUnderAlways() {
      BrokeredIdentityContext context = login("sent@example.com", null);
      IdentityProviderMapperModel model = mapperModel("always", null);
      preprocess(model, context);
      authSession.notes.put(AbstractIdentityProvider.UPDATE_PROFILE_EMAIL_CHANGED, "true");
      context.setEmail("typed@example.com");
      Fakes.User user = new Fakes.User("new", "typed@example.com", false);

      mapper.importNewUser(session.model(), Fakes.realm(), user.model(), model, context);

      assertThat(user.emailVerified).isFalse();
      assertThat(authSession.notes)
          .containsEntry("userdata.brokered.email.verified.reason", "email-replaced");
    }

    @Test
    void linkingToTheAccountFoundByThisEmailKeepsItsOwnVerification() {
      Fakes.User existing = new Fakes.User("existing", "a@example.com", true);
      BrokeredIdentityContext context = login("A@example.com", "{\"email_verified\":false}");
      IdentityProviderMapperModel model = mapperModel("claim", null);
      authSession.notes.put(
          AbstractIdpAuthenticator.EXISTING_USER_INFO,
          new ExistingUserInfo("existing", UserModel.EMAIL, "a@example.com").serialize());

      mapper.updateBrokeredUser(session.model(), Fakes.realm(), existing.model(), model, context);

      assertThat(existing.emailVerified).isTrue();
      assertThat(authSession.notes).containsEntry("userdata.brokered.email.local", "kept-verified");
    }
  }

  /**
   * CVE-2026-14781: Keycloak's OIDC broker takes the address from userinfo and the verified flag
   * from the ID token, and with Trust Email marks the userinfo address verified.
   */
  @Nested
  class IdTokenFlagBesideAUserinfoAddress {

    private BrokeredIdentityContext idTokenFor(String idTokenAddress, String userinfoAddress) {
      JsonWebToken idToken = new JsonWebToken();
      idToken.setOtherClaims("email", idTokenAddress);
      idToken.setOtherClaims("email_verified", true);
      BrokeredIdentityContext context =
          login(userinfoAddress, "{\"email\":\"" + userinfoAddress + "\"}");
      context.getContextData().put(OIDCIdentityProvider.VALIDATED_ID_TOKEN, idToken);
      return context;
    }

    @Test
    void theUserinfoAddressIsNotVouchedForAndStaysUnverifiedAfterKeycloakSetsIt() {
      BrokeredIdentityContext context = idTokenFor("mallory@upstream.test", "victim@example.test");
      IdentityProviderMapperModel model = mapperModel("claim", "true");
      preprocess(model, context);
      assertThat(context.getContextData())
          .containsEntry("userdata.brokered.email.verified", "false")
          .containsEntry("userdata.brokered.email.verified.reason", "claim-other-address");
      Fakes.User user = new Fakes.User("mallory", "victim@example.test", false);

      mapper.importNewUser(session.model(), Fakes.realm(), user.model(), model, context);
      user.emailVerified = true; // OIDCIdentityProvider.setEmailVerified, from the ID token
      session.commit();

      assertThat(user.emailVerified).isFalse();
      assertThat(user.requiredActions).containsExactly("VERIFY_EMAIL");
    }

    @Test
    void theSameAddressInBothIsVerifiedByTheIdTokensFlag() {
      BrokeredIdentityContext context = idTokenFor("ann@upstream.test", "ANN@upstream.test");
      IdentityProviderMapperModel model = mapperModel("claim", "true");
      preprocess(model, context);
      Fakes.User user = new Fakes.User("ann", "ANN@upstream.test", false);

      mapper.importNewUser(session.model(), Fakes.realm(), user.model(), model, context);
      session.commit();

      assertThat(user.emailVerified).isTrue();
      assertThat(user.requiredActions).isEmpty();
    }

    @Test
    void policyAlwaysTrustsTheProviderWithEveryAddressItSends() {
      BrokeredIdentityContext context = idTokenFor("mallory@upstream.test", "victim@example.test");
      IdentityProviderMapperModel model = mapperModel("always", null);
      preprocess(model, context);
      Fakes.User user = new Fakes.User("mallory", "victim@example.test", false);

      mapper.importNewUser(session.model(), Fakes.realm(), user.model(), model, context);

      assertThat(user.emailVerified).isTrue();
    }
  }

  @Nested
  class ForceSync {

    @Test
    void theSameAddressVerifiedHereStaysVerifiedWhateverTheProviderSays() {
      Fakes.User user = new Fakes.User("u", "a@example.com", true);
      session.with(user.model());
      BrokeredIdentityContext context = login("a@example.com", "{\"email_verified\":false}");
      IdentityProviderMapperModel model = mapperModel("never", null);
      preprocess(model, context);

      mapper.updateBrokeredUser(session.model(), Fakes.realm(), user.model(), model, context);
      session.commit();

      assertThat(user.emailVerified).isTrue();
    }

    @Test
    void anAddressChangedAtTheProviderIsUnverifiedDespiteKeycloaksTrustEmail() {
      Fakes.User user = new Fakes.User("u", "old@example.com", true);
      session.with(user.model());
      BrokeredIdentityContext context = login("new@example.com", "{\"sub\":\"1\"}");
      IdentityProviderMapperModel model = mapperModel("claim", "true");
      preprocess(model, context);
      user.email = "new@example.com"; // Keycloak's FORCE sync, with Trust Email on
      user.emailVerified = true;

      mapper.updateBrokeredUser(session.model(), Fakes.realm(), user.model(), model, context);

      assertThat(user.emailVerified).isFalse();
      assertThat(user.requiredActions).contains("VERIFY_EMAIL");
    }

    @Test
    void aProviderAddressKeycloakDidNotSyncLeavesTheAccountAlone() {
      Fakes.User user = new Fakes.User("u", "local@example.com", true);
      session.with(user.model());
      BrokeredIdentityContext context = login("other@example.com", "{\"email_verified\":false}");
      IdentityProviderMapperModel model = mapperModel("claim", "true");
      preprocess(model, context);

      mapper.updateBrokeredUser(session.model(), Fakes.realm(), user.model(), model, context);

      assertThat(user.emailVerified).isTrue();
      assertThat(user.requiredActions).isEmpty();
      assertThat(session.prepared).isEmpty();
      assertThat(authSession.notes).containsEntry("userdata.brokered.email.local", "untouched");
    }

    @Test
    void theFinalReassertionStopsIfAnotherStepChangedTheAddress() {
      BrokeredIdentityContext context = login("new@example.com", null);
      IdentityProviderMapperModel model = mapperModel("always", null);
      preprocess(model, context);
      Fakes.User user = new Fakes.User("new", "new@example.com", false);

      mapper.importNewUser(session.model(), Fakes.realm(), user.model(), model, context);
      user.email = "elsewhere@example.com";
      user.emailVerified = false;
      session.commit();

      assertThat(user.emailVerified).isFalse();
    }
  }

  @Nested
  class SyncModes {

    @Test
    void legacyAppliesAtTheFirstLoginOnly() {
      Fakes.User user = new Fakes.User("u", "a@example.com", true);
      BrokeredIdentityContext context = login("a@example.com", null);

      mapper.updateBrokeredUserLegacy(
          session.model(), Fakes.realm(), user.model(), mapperModel("never", null), context);

      assertThat(user.emailVerified).isTrue();
      assertThat(session.prepared).isEmpty();
    }

    @Test
    void everySyncModeIsSupported() {
      for (IdentityProviderSyncMode mode : IdentityProviderSyncMode.values()) {
        assertThat(mapper.supportsSyncMode(mode)).isTrue();
      }
    }
  }
}
