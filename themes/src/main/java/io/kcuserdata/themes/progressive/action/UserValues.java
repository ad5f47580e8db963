package io.kcuserdata.themes.progressive.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.spi.Memberships;
import io.kcuserdata.core.spi.UserDataProvider;
import io.kcuserdata.core.status.StatusKey;
import io.kcuserdata.themes.progressive.CollectedAttribute;
import io.kcuserdata.themes.progressive.PromptState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.AttributeMetadata;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

/**
 * One user's attributes as the prompt sees them: what is missing, what the person may fill in, and
 * the two ways a value is written — the pack's namespace rules for namespaced data, the realm's
 * user profile for declared attributes.
 */
final class UserValues {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final UserModel user;
  private UserProfile profile;

  UserValues(KeycloakSession session, RealmModel realm, UserModel user) {
    this.session = session;
    this.realm = realm;
    this.user = user;
  }

  boolean missing(CollectedAttribute attribute) {
    String value = user.getFirstAttribute(attribute.name());
    return value == null || value.isBlank();
  }

  /**
   * Namespaced data the user may always write (the settings allow no other); a declared attribute
   * only while the user profile lets users edit it.
   */
  boolean askable(CollectedAttribute attribute) {
    AttributeMetadata metadata = metadata(attribute.name());
    if (metadata == null) {
      return attribute.namespaced();
    }
    return !profile().getAttributes().isReadOnly(attribute.name());
  }

  /** The user profile's metadata when the realm declares the attribute, else {@code null}. */
  AttributeMetadata metadata(String name) {
    return profile().getAttributes().getMetadata(name);
  }

  /**
   * Runs the user profile's validators of every declared attribute among {@code values}, alone: an
   * unrelated attribute the user never filled in must not block this prompt.
   */
  List<ValidationException.Error> validate(Map<String, String> values) {
    Map<String, List<String>> form = new java.util.HashMap<>();
    values.forEach((name, value) -> form.put(name, List.of(value)));
    UserProfile candidate = profiles().create(UserProfileContext.UPDATE_PROFILE, form, user);
    List<ValidationException.Error> errors = new ArrayList<>();
    for (String name : values.keySet()) {
      if (candidate.getAttributes().getMetadata(name) != null) {
        candidate.getAttributes().validate(name, e -> errors.add(new ValidationException.Error(e)));
      }
    }
    return errors;
  }

  /**
   * Writes namespaced values first, as the user: the namespace rules refuse the whole set before
   * anything is stored, and only then are the declared attributes set.
   *
   * @return the namespaces that changed, for the event
   */
  Set<String> write(Map<CollectedAttribute, String> values) {
    ObjectNode patch = Json.object();
    values.forEach(
        (attribute, value) -> {
          if (attribute.namespaced()) {
            patch
                .withObject("/" + attribute.data().namespace().name())
                .put(attribute.data().key(), value);
          }
        });
    Set<String> namespaces = new java.util.TreeSet<>();
    if (!patch.isEmpty()) {
      Set<String> memberOf = Memberships.of(session, realm, user);
      data()
          .patch(realm, user, Caller.user(memberOf), patch, null)
          .changes()
          .forEach(change -> namespaces.add(change.namespace().name()));
    }
    values.forEach(
        (attribute, value) -> {
          if (!attribute.namespaced()) {
            user.setSingleAttribute(attribute.name(), value);
          }
        });
    return namespaces;
  }

  PromptState promptState() {
    ObjectNode status = data().read(realm, user).get(Namespace.STATUS);
    return PromptState.fromJson(status.get(StatusKey.PROFILE_PROMPT.key()));
  }

  void promptState(PromptState state) {
    // Replaced whole, not merged: a merge would keep a member the new state no longer has.
    ObjectNode status = data().read(realm, user).get(Namespace.STATUS);
    status.set(StatusKey.PROFILE_PROMPT.key(), state.toJson());
    data().replace(realm, user, Caller.system(), Namespace.STATUS, status, null);
  }

  private UserDataProvider data() {
    return session.getProvider(UserDataProvider.class);
  }

  private UserProfile profile() {
    if (profile == null) {
      profile = profiles().create(UserProfileContext.UPDATE_PROFILE, user);
    }
    return profile;
  }

  private UserProfileProvider profiles() {
    return session.getProvider(UserProfileProvider.class);
  }
}
