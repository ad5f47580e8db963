package io.kcuserdata.admin.selfservice;

import io.kcuserdata.admin.http.ApiError;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.AccessTokenIntrospectionProvider;
import org.keycloak.protocol.oidc.AccessTokenIntrospectionProviderFactory;
import org.keycloak.protocol.oidc.TokenIntrospectionProvider;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.cors.Cors;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.Auth;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * The caller of a self-service endpoint, authenticated exactly as Keycloak's Account REST API does
 * it: a bearer token for the {@code account} audience, the account client's roles, no service
 * accounts. This is the pack's one touch point with Keycloak's token-authentication internals.
 */
public final class AccountToken {

  private final UserModel user;
  private final Auth auth;
  private final ClientModel account;

  private AccountToken(UserModel user, Auth auth, ClientModel account) {
    this.user = user;
    this.auth = auth;
    this.account = account;
  }

  public static AccountToken authenticate(KeycloakSession session) {
    RealmModel realm = session.getContext().getRealm();
    ClientModel account = realm.getClientByClientId(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
    AuthResult result = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
    if (result == null || account == null) {
      throw ApiError.unauthorized("a valid bearer token of this realm's user is required");
    }
    AccessToken token = result.token();
    if (token.getAudience() == null || token.getResourceAccess(account.getClientId()) == null) {
      // Lightweight tokens carry neither; the Account API reads them through introspection.
      @SuppressWarnings("unchecked")
      AccessTokenIntrospectionProvider<AccessToken> introspection =
          (AccessTokenIntrospectionProvider<AccessToken>)
              session.getProvider(
                  TokenIntrospectionProvider.class,
                  AccessTokenIntrospectionProviderFactory.ACCESS_TOKEN_TYPE);
      token = introspection.transformAccessToken(token, result.session());
    }
    if (!token.hasAudience(account.getClientId())) {
      throw ApiError.unauthorized("the token's audience must include the account client");
    }
    if (result.user().getServiceAccountClientLink() != null) {
      throw ApiError.forbidden("service accounts have no self-service data");
    }
    Cors.builder()
        .checkAllowedOrigins(token)
        .allowedMethods("GET", "PATCH")
        .exposedHeaders("ETag")
        .auth()
        .add();
    return new AccountToken(
        result.user(),
        new Auth(realm, token, result.user(), account, result.session(), false),
        account);
  }

  public UserModel user() {
    return user;
  }

  /** Throws 403 unless the token carries one of the account client's {@code roles}. */
  public void requireOneOf(String... roles) {
    if (!auth.hasOneOfAppRole(account, roles)) {
      throw ApiError.forbidden("the token needs the account role " + String.join(" or ", roles));
    }
  }
}
