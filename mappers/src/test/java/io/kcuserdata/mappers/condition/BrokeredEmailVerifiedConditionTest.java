package io.kcuserdata.mappers.condition;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.mappers.email.Fakes;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.ExistingUserInfo;
import org.keycloak.authentication.authenticators.broker.util.PostBrokerLoginConstants;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext.ContextDataEntry;
import org.keycloak.broker.provider.AbstractIdentityProvider;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.UserModel;

/** The condition reading a first-broker-login session the way Keycloak stores it. */
class BrokeredEmailVerifiedConditionTest {

  private final Fakes.AuthSession authSession = new Fakes.AuthSession();
  private final Fakes.Session session = new Fakes.Session();

  private void brokered(String note, String verified, String email, String notedEmail) {
    SerializedBrokeredIdentityContext serialized = new SerializedBrokeredIdentityContext();
    serialized.setIdentityProviderId("upstream");
    serialized.setEmail(email);
    Map<String, ContextDataEntry> data = serialized.getContextData();
    data.put(
        "userdata.brokered.email.verified",
        ContextDataEntry.create(String.class.getName(), verified));
    data.put(
        "userdata.brokered.email.address",
        ContextDataEntry.create(String.class.getName(), notedEmail));
    serialized.saveToAuthenticationSession(authSession.model(), note);
  }

  private boolean matches(Map<String, String> config) {
    return BrokeredEmailVerifiedCondition.SINGLETON.matches(
        config, session.model(), Fakes.realm(), authSession.model());
  }

  @Nested
  class FirstBrokerLogin {

    @Test
    void theMappersVerdictInTheBrokeredContextDecides() {
      brokered(
          AbstractIdpAuthenticator.BROKERED_CONTEXT_NOTE, "true", "a@example.com", "a@example.com");

      assertThat(matches(Map.of())).isTrue();
      assertThat(matches(Map.of("negate", "true"))).isFalse();
    }

    @Test
    void anUnverifiedAddressSendsTheLoginToTheNegatedBranch() {
      brokered(
          AbstractIdpAuthenticator.BROKERED_CONTEXT_NOTE,
          "false",
          "a@example.com",
          "a@example.com");

      assertThat(matches(Map.of())).isFalse();
      assertThat(matches(Map.of("negate", "true"))).isTrue();
    }

    @Test
    void anAddressEditedOnTheReviewPageIsNotVerified() {
      brokered(
          AbstractIdpAuthenticator.BROKERED_CONTEXT_NOTE, "true", "b@example.com", "a@example.com");

      assertThat(matches(Map.of())).isFalse();

      authSession.notes.put(AbstractIdentityProvider.UPDATE_PROFILE_EMAIL_CHANGED, "true");
      brokered(
          AbstractIdpAuthenticator.BROKERED_CONTEXT_NOTE, "true", "a@example.com", "a@example.com");
      assertThat(matches(Map.of())).isFalse();
    }

    @Test
    void theExistingAccountMustHoldTheAddressVerifiedWhenAsked() {
      brokered(
          AbstractIdpAuthenticator.BROKERED_CONTEXT_NOTE, "true", "a@example.com", "a@example.com");
      authSession.notes.put(
          AbstractIdpAuthenticator.EXISTING_USER_INFO,
          new ExistingUserInfo("existing", UserModel.EMAIL, "a@example.com").serialize());
      Fakes.User existing = new Fakes.User("existing", "a@example.com", false);
      session.with(existing.model());

      assertThat(matches(Map.of("existing.user.verified", "true"))).isFalse();
      assertThat(matches(Map.of("existing.user.verified", "true", "negate", "true"))).isTrue();
      existing.emailVerified = true;
      assertThat(matches(Map.of("existing.user.verified", "true"))).isTrue();
    }
  }

  @Nested
  class OtherPlaces {

    @Test
    void postBrokerLoginKeepsTheContextUnderItsOwnNote() {
      brokered(
          PostBrokerLoginConstants.PBL_BROKERED_IDENTITY_CONTEXT,
          "true",
          "a@example.com",
          "a@example.com");

      assertThat(matches(Map.of())).isTrue();
    }

    @Test
    void theAuthSessionNoteServesWhenNoBrokeredContextIsLeft() {
      authSession.notes.put("userdata.brokered.email.verified", "true");

      assertThat(matches(Map.of())).isTrue();
    }

    @Test
    void withoutABrokeredLoginTheConditionIsFalse() {
      assertThat(matches(Map.of())).isFalse();
    }

    @Test
    void anEmptyConfigMeansNoNegation() {
      authSession.notes.put("userdata.brokered.email.verified", "true");

      assertThat(matches(Map.of())).isTrue();
    }
  }

  @Nested
  class Factory {

    private final BrokeredEmailVerifiedConditionFactory factory =
        new BrokeredEmailVerifiedConditionFactory();

    @Test
    void itIsAConditionLikeKeycloaksOwn() {
      assertThat(factory.getId()).isEqualTo("userdata-brokered-email-verified");
      assertThat(factory.getReferenceCategory()).isEqualTo("condition");
      assertThat(factory.getRequirementChoices())
          .containsExactly(Requirement.REQUIRED, Requirement.DISABLED);
      assertThat(factory.isConfigurable()).isTrue();
      assertThat(factory.isUserSetupAllowed()).isFalse();
      assertThat(factory.create(null)).isSameAs(BrokeredEmailVerifiedCondition.SINGLETON);
      assertThat(BrokeredEmailVerifiedCondition.SINGLETON.requiresUser()).isFalse();
    }

    @Test
    void itsOptionsAreNegateAndTheExistingAccountCheck() {
      assertThat(factory.getConfigProperties())
          .extracting(p -> p.getName())
          .containsExactly("negate", "existing.user.verified");
    }
  }
}
