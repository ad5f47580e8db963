package io.kcuserdata.core.profile;

import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.error.InvalidUserDataException;
import io.kcuserdata.core.spi.UserDataProvider;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.userprofile.AttributeMetadata;
import org.keycloak.userprofile.AttributeValidatorMetadata;
import org.keycloak.userprofile.Attributes;
import org.keycloak.userprofile.DeclarativeUserProfileProvider;
import org.keycloak.userprofile.DefaultAttributes;
import org.keycloak.userprofile.DefaultUserProfile;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileMetadata;
import org.keycloak.validate.ValidationError;

/**
 * Restricts namespaced attributes, declared or not, by {@link ProfileAccess}: declared ones when
 * the realm's profile metadata is built, unmanaged ones each time Keycloak describes them. Values
 * of {@code profile.*} claims with a format are checked by {@link ClaimFormatValidator}.
 */
final class NamespacedProfileProvider extends DeclarativeUserProfileProvider {

  private final KeycloakSession session;
  private final NamespacedProfileProviderFactory factory;

  NamespacedProfileProvider(KeycloakSession session, NamespacedProfileProviderFactory factory) {
    super(session, factory);
    this.session = session;
    this.factory = factory;
  }

  @Override
  public UserProfile create(UserProfileContext context, UserModel user) {
    return create(context, user.getAttributes(), user);
  }

  @Override
  public UserProfile create(UserProfileContext context, Map<String, ?> attributes, UserModel user) {
    return routes(context)
        ? routed(context, attributes, user)
        : super.create(context, attributes, user);
  }

  @Override
  public UserProfile create(UserProfileContext context, Map<String, ?> attributes) {
    return routes(context) ? routed(context, attributes, null) : super.create(context, attributes);
  }

  /**
   * A user's own contexts write namespaced data; admin contexts never do (see {@link
   * ProfileAccess}), and the first broker login's review writes to a profile that is not a user
   * yet: its values are checked (by {@link #createAttributes}) and Keycloak copies them to the user
   * it creates.
   */
  private static boolean routes(UserProfileContext context) {
    return !context.isAdminContext() && context != UserProfileContext.IDP_REVIEW;
  }

  /**
   * Keycloak's own {@code createUserProfile}, with the user (the one given or the one created)
   * wrapped so that its namespaced attributes are written by the pack.
   */
  private UserProfile routed(
      UserProfileContext context, Map<String, ?> attributes, UserModel user) {
    UserProfileMetadata defaults = factory.metadataOf(context);
    if (defaults == null) {
      throw new IllegalStateException("No metadata is bound to the " + context + " context");
    }
    UserProfileMetadata metadata = configureUserProfile(defaults, session);
    DataRoutedUser[] routed = {user == null ? null : new DataRoutedUser(user)};
    Attributes profileAttributes = createAttributes(context, attributes, routed[0], metadata);
    Function<Attributes, UserModel> creator =
        created -> {
          if (routed[0] == null) {
            String username = created.getFirst(UserModel.USERNAME);
            if (username == null) {
              username = created.getFirst(UserModel.EMAIL);
            }
            routed[0] =
                new DataRoutedUser(
                    session.users().addUser(session.getContext().getRealm(), username));
          }
          return routed[0];
        };
    DefaultUserProfile profile =
        new DefaultUserProfile(metadata, profileAttributes, creator, routed[0], session);
    return new RoutedProfile(session, profile, () -> routed[0]);
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

  /** What the pack's path would refuse of the review form's namespaced values, by attribute. */
  private Map<String, List<String>> reviewErrors(Attributes attributes, UserModel reviewed) {
    Map<String, List<String>> writes = RoutedProfile.pending(attributes, reviewed, false);
    if (writes.isEmpty()) {
      return Map.of();
    }
    UserDataProvider data = session.getProvider(UserDataProvider.class);
    try {
      // Not a user yet: checked as a new user's data, never kept under the provider's id.
      data.check(
          session.getContext().getRealm(),
          null,
          Caller.user(Set.of()),
          DataWrites.patch(writes, data.decode(Map.of())));
      return Map.of();
    } catch (InvalidUserDataException e) {
      return DataWrites.errors(e, List.copyOf(writes.keySet()));
    }
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
      private Map<String, List<String>> dataErrors;

      /**
       * In the first broker login's review, which the pack does not route, the form's namespaced
       * values are checked here, so a refusal shows at its field and the review goes on.
       */
      @Override
      @SafeVarargs
      public final boolean validate(String name, Consumer<ValidationError>... listeners) {
        boolean valid = super.validate(name, listeners);
        if (context != UserProfileContext.IDP_REVIEW || !ProfileAccess.governs(name)) {
          return valid;
        }
        List<String> messages = dataErrors().getOrDefault(name, List.of());
        for (String message : messages) {
          for (Consumer<ValidationError> listener : listeners) {
            listener.accept(new ValidationError(DataWrites.VALIDATOR, name, message));
          }
        }
        return valid && messages.isEmpty();
      }

      private Map<String, List<String>> dataErrors() {
        if (dataErrors == null) {
          dataErrors = reviewErrors(this, user);
        }
        return dataErrors;
      }

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
