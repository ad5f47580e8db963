package io.kcuserdata.core.profile;

import org.keycloak.models.KeycloakSession;
import org.keycloak.userprofile.DeclarativeUserProfileProvider;
import org.keycloak.userprofile.DeclarativeUserProfileProviderFactory;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileMetadata;

/**
 * Keycloak's declarative user profile with the access table of namespaced data enforced on every
 * path Keycloak offers: the Account API and console, update-profile, registration, the
 * first-broker-login review form, and the admin users API.
 *
 * <p>What a user's own contexts write to namespaced attributes goes through the pack's write path
 * ({@code UserDataProvider}), checked before Keycloak writes anything.
 *
 * <p>It keeps Keycloak's provider id, so it replaces the built-in factory (Keycloak prefers a
 * deployed factory over an internal one with the same id) and realms keep their user-profile
 * configuration. This class and {@link NamespacedProfileProvider} are the pack's touch points with
 * the user-profile internals.
 */
public final class NamespacedProfileProviderFactory extends DeclarativeUserProfileProviderFactory {

  @Override
  public DeclarativeUserProfileProvider create(KeycloakSession session) {
    return new NamespacedProfileProvider(session, this);
  }

  /** Keycloak's metadata of {@code context}, before the realm's configuration decorates it. */
  UserProfileMetadata metadataOf(UserProfileContext context) {
    return getContextualMetadataRegistry().get(context);
  }
}
