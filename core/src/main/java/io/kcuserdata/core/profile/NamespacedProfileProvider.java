package io.kcuserdata.core.profile;

import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.userprofile.AttributeMetadata;
import org.keycloak.userprofile.AttributeValidatorMetadata;
import org.keycloak.userprofile.Attributes;
import org.keycloak.userprofile.DeclarativeUserProfileProvider;
import org.keycloak.userprofile.DeclarativeUserProfileProviderFactory;
import org.keycloak.userprofile.DefaultAttributes;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileMetadata;

/**
 * Restricts namespaced attributes, declared or not, by {@link ProfileAccess}: declared ones when
 * the realm's profile metadata is built, unmanaged ones each time Keycloak describes them. Values
 * of {@code profile.*} claims with a format are checked by {@link ClaimFormatValidator}.
 */
final class NamespacedProfileProvider extends DeclarativeUserProfileProvider {

  private final KeycloakSession session;

  NamespacedProfileProvider(
      KeycloakSession session, DeclarativeUserProfileProviderFactory factory) {
    super(session, factory);
    this.session = session;
  }

  @Override
  protected UserProfileMetadata decorateUserProfileForCache(
      UserProfileMetadata metadata, UPConfig config) {
    UserProfileMetadata decorated = super.decorateUserProfileForCache(metadata, config);
    boolean admin = decorated.getContext().isAdminContext();
    // Declared attributes a user may not read vanish from the user's contexts: Keycloak checks a
    // declared read-only attribute against its stored value, which would reveal the value.
    decorated
        .getAttributes()
        .removeIf(
            a -> ProfileAccess.governs(a.getName()) && !ProfileAccess.canView(a.getName(), admin));
    for (AttributeMetadata attribute : decorated.getAttributes()) {
      String name = attribute.getName();
      if (ProfileAccess.governs(name)) {
        boolean view = ProfileAccess.canView(name, admin);
        boolean edit = ProfileAccess.canEdit(name, admin, true);
        attribute.addReadCondition(c -> view).addWriteCondition(c -> edit);
      }
    }
    return decorated;
  }

  @Override
  protected Attributes createAttributes(
      UserProfileContext context,
      Map<String, ?> attributes,
      UserModel user,
      UserProfileMetadata metadata) {
    Attributes created = super.createAttributes(context, attributes, user, metadata);
    if (created.getClass() != DefaultAttributes.class) {
      return created; // service accounts keep Keycloak's own rules
    }
    return new DefaultAttributes(context, attributes, user, metadata, session) {
      /** Also decides what Keycloak removes: a read-only attribute is never dropped. */
      @Override
      public boolean isReadOnly(String name) {
        if (ProfileAccess.governs(name)
            && !ProfileAccess.canEdit(
                name, context.isAdminContext(), !metadata.getAttribute(name).isEmpty())) {
          return true;
        }
        return super.isReadOnly(name);
      }

      /** Adds the claim formats of {@code profile.*}, declared by a realm admin or not. */
      @Override
      protected void addDefaultValidators(String name, List<AttributeMetadata> metadatas) {
        super.addDefaultValidators(name, metadatas);
        boolean present =
            metadatas.stream()
                .flatMap(m -> m.getValidators().stream())
                .anyMatch(v -> ClaimFormatValidator.ID.equals(v.getValidatorId()));
        if (!present && ClaimFormatValidator.format(name, null).isPresent()) {
          metadatas.add(
              new UserProfileMetadata(context)
                  .addAttribute(name, -1, new AttributeValidatorMetadata(ClaimFormatValidator.ID)));
        }
      }

      @Override
      protected AttributeMetadata createUnmanagedAttributeMetadata(String name) {
        AttributeMetadata unmanaged = super.createUnmanagedAttributeMetadata(name);
        if (!ProfileAccess.governs(name)) {
          return unmanaged;
        }
        boolean admin = context.isAdminContext();
        boolean view = ProfileAccess.canView(name, admin);
        boolean edit = ProfileAccess.canEdit(name, admin, false);
        // Keycloak's unmanaged metadata decides in overridden canView/canEdit, not by conditions:
        // a clone keeps the plain conditions, and those consult the original.
        return unmanaged
            .clone()
            .addReadCondition(c -> view && unmanaged.canView(c))
            .addWriteCondition(c -> edit && unmanaged.canEdit(c));
      }
    };
  }
}
