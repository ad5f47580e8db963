package io.kcuserdata.mappers.email;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Where the email-verification mapper leaves its decisions. Each note is written twice: into the
 * brokered context's data, which Keycloak serializes into the first-broker-login and
 * post-broker-login flows (the authentication-session notes set before the first-broker-login flow
 * are cleared when that flow starts), and as an authentication-session note for later steps of the
 * same login. Values are plain strings so Keycloak can serialize them with the context.
 */
public final class BrokeredEmailNotes {

  /** {@code true} or {@code false}: the provider vouches for the brokered address. */
  public static final String VERIFIED = "userdata.brokered.email.verified";

  /** Why: one of the {@link BrokeredVerdict} reason codes. */
  public static final String VERIFIED_REASON = "userdata.brokered.email.verified.reason";

  /** What the mapper did to the account: verified, unverified, kept-verified, untouched. */
  public static final String LOCAL = "userdata.brokered.email.local";

  /** Why: a verdict reason, already-verified-locally or address-differs. */
  public static final String LOCAL_REASON = "userdata.brokered.email.local.reason";

  /** The address the provider sent, as the verdict saw it; context data only. */
  public static final String ADDRESS = "userdata.brokered.email.address";

  /** Id of the account that held that address before this login, if any; context data only. */
  static final String ADDRESS_HOLDER = "userdata.brokered.email.holder";

  private BrokeredEmailNotes() {}

  static void recordVerdict(BrokeredIdentityContext context, BrokeredVerdict verdict) {
    put(context, VERIFIED, Boolean.toString(verdict.verified()));
    put(context, VERIFIED_REASON, verdict.reason());
  }

  static void recordOutcome(BrokeredIdentityContext context, LocalOutcome outcome) {
    put(context, LOCAL, outcome.result().value());
    put(context, LOCAL_REASON, outcome.reason());
  }

  /** Kept apart from the session notes: the address is personal data the notes need not copy. */
  static void recordAddress(BrokeredIdentityContext context, String address, String holderId) {
    putOrRemove(context, ADDRESS, address);
    putOrRemove(context, ADDRESS_HOLDER, holderId);
  }

  static String address(BrokeredIdentityContext context) {
    return string(context, ADDRESS);
  }

  static String addressHolder(BrokeredIdentityContext context) {
    return string(context, ADDRESS_HOLDER);
  }

  private static String string(BrokeredIdentityContext context, String name) {
    return context.getContextData().get(name) instanceof String value ? value : null;
  }

  private static void putOrRemove(BrokeredIdentityContext context, String name, String value) {
    if (value == null) {
      context.getContextData().remove(name);
    } else {
      context.getContextData().put(name, value);
    }
  }

  private static void put(BrokeredIdentityContext context, String name, String value) {
    context.getContextData().put(name, value);
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    if (authSession != null) {
      authSession.setAuthNote(name, value);
    }
  }
}
