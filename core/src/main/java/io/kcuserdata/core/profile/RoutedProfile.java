package io.kcuserdata.core.profile;

import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.document.UserDataDocument;
import io.kcuserdata.core.error.InvalidUserDataException;
import io.kcuserdata.core.spi.Memberships;
import io.kcuserdata.core.spi.UserDataProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.idm.AbstractUserRepresentation;
import org.keycloak.userprofile.AttributeChangeListener;
import org.keycloak.userprofile.Attributes;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.ValidationException;
import org.keycloak.validate.ValidationError;

/**
 * Keycloak's user profile for a user's own contexts (Account API and console, update-profile,
 * registration, update-email) with namespaced data routed through the pack's write path: what the
 * form changes there is checked first (access table, key rules, limits, the realm's schemas), so a
 * refusal is a {@link ValidationException} at the field before anything of the form is stored; then
 * Keycloak writes the account fields and the pack writes the data, in the same transaction.
 */
final class RoutedProfile implements UserProfile {

  private final KeycloakSession session;
  private final UserProfile profile;
  private final Supplier<DataRoutedUser> user;

  /**
   * @param user the routed user: the one the profile was made for, or the one its {@code create}
   *     made ({@code null} before)
   */
  RoutedProfile(KeycloakSession session, UserProfile profile, Supplier<DataRoutedUser> user) {
    this.session = session;
    this.profile = profile;
    this.user = user;
  }

  /** Keycloak's validation first, unchanged; the pack's only when Keycloak finds nothing. */
  @Override
  public void validate() {
    profile.validate();
    DataRoutedUser routed = user.get();
    check(routed == null ? null : routed.user(), false);
  }

  @Override
  public UserModel create() {
    return create(true);
  }

  @Override
  public UserModel create(boolean validate) {
    check(null, false);
    UserModel created = profile.create(validate);
    DataRoutedUser routed = user.get();
    write(routed);
    return routed == null ? created : routed.user();
  }

  @Override
  public void update(boolean removeAttributes, AttributeChangeListener... listeners) {
    DataRoutedUser routed = user.get();
    check(routed == null ? null : routed.user(), removeAttributes);
    profile.update(removeAttributes, listeners);
    write(routed);
  }

  @Override
  public Attributes getAttributes() {
    return profile.getAttributes();
  }

  @Override
  public <R extends AbstractUserRepresentation> R toRepresentation(boolean full) {
    return profile.toRepresentation(full);
  }

  /** Refuses, before Keycloak writes anything, what the pack's path would refuse. */
  private void check(UserModel current, boolean removeAttributes) {
    Map<String, List<String>> writes = pending(getAttributes(), current, removeAttributes);
    if (writes.isEmpty()) {
      return;
    }
    RealmModel realm = session.getContext().getRealm();
    UserDataProvider data = session.getProvider(UserDataProvider.class);
    try {
      UserDataDocument document =
          current == null ? data.decode(Map.of()) : data.read(realm, current);
      data.check(realm, current, caller(realm, current), DataWrites.patch(writes, document));
    } catch (InvalidUserDataException e) {
      throw refusal(e, new ArrayList<>(writes.keySet()));
    }
  }

  private void write(DataRoutedUser routed) {
    if (routed == null) {
      return;
    }
    Map<String, List<String>> writes = routed.takeHeld();
    if (writes.isEmpty()) {
      return;
    }
    RealmModel realm = session.getContext().getRealm();
    UserDataProvider data = session.getProvider(UserDataProvider.class);
    UserModel target = routed.user();
    try {
      data.patch(
          realm,
          target,
          caller(realm, target),
          DataWrites.patch(writes, data.read(realm, target)),
          null);
    } catch (InvalidUserDataException e) {
      throw refusal(e, new ArrayList<>(writes.keySet()));
    }
  }

  private Caller caller(RealmModel realm, UserModel target) {
    return Caller.user(
        target == null || target.getId() == null
            ? Set.of()
            : Memberships.of(session, realm, target));
  }

  /**
   * The namespaced attributes the profile's update would change, as {@code DefaultUserProfile}
   * decides it: writable ones whose values differ (an empty value is ignored unless attributes are
   * removed), and, when removing, stored ones the form left out that are not read-only.
   */
  static Map<String, List<String>> pending(
      Attributes attributes, UserModel current, boolean removeAttributes) {
    Map<String, List<String>> writes = new LinkedHashMap<>();
    attributes.getWritable().entrySet().stream()
        .filter(e -> ProfileAccess.governs(e.getKey()))
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              List<String> raw = e.getValue() == null ? List.of() : e.getValue();
              if (!removeAttributes && raw.isEmpty()) {
                return;
              }
              List<String> next = raw.stream().filter(v -> v != null && !v.isBlank()).toList();
              List<String> stored =
                  current == null
                      ? List.of()
                      : current.getAttributeStream(e.getKey()).filter(Objects::nonNull).toList();
              if (!sameValues(stored, next)) {
                writes.put(e.getKey(), next);
              }
            });
    if (removeAttributes && current != null) {
      current.getAttributes().keySet().stream()
          .filter(ProfileAccess::governs)
          .filter(name -> !attributes.contains(name) && !attributes.isReadOnly(name))
          .sorted()
          .forEach(name -> writes.put(name, List.of()));
    }
    return writes;
  }

  private static boolean sameValues(List<String> a, List<String> b) {
    List<String> left = new ArrayList<>(a);
    List<String> right = new ArrayList<>(b);
    Collections.sort(left);
    Collections.sort(right);
    return left.equals(right);
  }

  static ValidationException refusal(InvalidUserDataException e, List<String> written) {
    ValidationException.ValidationExceptionBuilder errors =
        new ValidationException.ValidationExceptionBuilder();
    DataWrites.errors(e, written)
        .forEach(
            (attribute, messages) ->
                messages.forEach(
                    message ->
                        errors.accept(
                            new ValidationError(DataWrites.VALIDATOR, attribute, message))));
    return errors.build();
  }
}
