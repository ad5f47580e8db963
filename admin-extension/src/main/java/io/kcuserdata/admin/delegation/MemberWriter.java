package io.kcuserdata.admin.delegation;

import io.kcuserdata.admin.http.ApiError;
import io.kcuserdata.core.service.Change;
import io.kcuserdata.core.spi.UserDataProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.messages.Messages;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

/**
 * Writes a delegated admin's change: account fields through the realm's user profile (its
 * validators and permissions, as for Keycloak's admin API), {@code org.<alias>} through the pack's
 * user-data provider. A changed email is unverified until the member verifies it.
 */
final class MemberWriter {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final DelegatedCaller caller;
  private final UserDataProvider data;

  MemberWriter(
      KeycloakSession session, RealmModel realm, DelegatedCaller caller, UserDataProvider data) {
    this.session = session;
    this.realm = realm;
    this.caller = caller;
    this.data = data;
  }

  UserModel create(MemberChange change) {
    UserModel member;
    try {
      member = profiles().create(UserProfileContext.USER_API, change.profile()).create();
    } catch (ValidationException e) {
      throw invalid(e);
    } catch (ModelDuplicateException e) {
      throw ApiError.conflict("a user with this username or email exists already");
    }
    member.setEnabled(true);
    session.getProvider(OrganizationProvider.class).addMember(caller.organization(), member);
    MemberEvents.created(caller, session, member);
    writeData(member, change);
    return member;
  }

  /**
   * A protected member's account fields stay as they are (see {@link MemberProtection}); their
   * {@code org.<alias>} data is the organization's own and stays writable, so that the page, which
   * sends the account fields unchanged with the data, keeps working for them.
   */
  void update(UserModel member, MemberChange change) {
    Map<String, Object> next = new HashMap<>();
    next.put(UserModel.USERNAME, member.getUsername());
    next.put(UserModel.EMAIL, member.getEmail());
    next.put(UserModel.FIRST_NAME, member.getFirstName());
    next.put(UserModel.LAST_NAME, member.getLastName());
    next.putAll(change.profile());
    List<String> changed =
        change.profile().keySet().stream()
            .filter(name -> !Objects.equals(next.get(name), current(member, name)))
            .sorted()
            .toList();
    if (!changed.isEmpty()) {
      ProtectedMembers.requireUnprotected(session, realm, member);
      boolean newEmail = changed.contains(UserModel.EMAIL);
      try {
        profiles().create(UserProfileContext.USER_API, next, member).update(false);
      } catch (ValidationException e) {
        throw invalid(e);
      } catch (ModelDuplicateException e) {
        throw ApiError.conflict("another user has this email already");
      }
      if (newEmail) {
        member.setEmailVerified(false);
      }
      MemberEvents.updated(caller, session, member, String.join(",", changed));
    }
    writeData(member, change);
  }

  private void writeData(UserModel member, MemberChange change) {
    if (change.orgData() == null) {
      return;
    }
    List<Change> changes =
        data.patch(realm, member, caller.caller(), change.orgData(), null).changes();
    if (!changes.isEmpty()) {
      String keys =
          changes.stream()
              .flatMap(c -> c.keys().stream())
              .sorted()
              .collect(Collectors.joining(","));
      MemberEvents.dataChanged(caller, session, member, keys);
    }
  }

  private UserProfileProvider profiles() {
    return session.getProvider(UserProfileProvider.class);
  }

  private static String current(UserModel member, String name) {
    return switch (name) {
      case UserModel.EMAIL -> member.getEmail();
      case UserModel.FIRST_NAME -> member.getFirstName();
      case UserModel.LAST_NAME -> member.getLastName();
      default -> member.getUsername();
    };
  }

  private static ApiError invalid(ValidationException e) {
    if (e.hasError(Messages.USERNAME_EXISTS, Messages.EMAIL_EXISTS)) {
      return ApiError.conflict("another user has this username or email already");
    }
    return ApiError.invalidRequest(
        e.getErrors().stream()
            .map(error -> error.getAttribute() + ": " + error.getMessage())
            .distinct()
            .collect(Collectors.joining("; ")));
  }
}
