package io.kcuserdata.admin.migration;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.admin.passwords.HashCeilings;
import io.kcuserdata.admin.passwords.ImportedPasswordHash;
import io.kcuserdata.admin.passwords.InvalidPasswordHashException;
import java.util.List;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Stores an imported password hash as the user's password credential, as it is: the user signs in
 * with the old password, and Keycloak re-hashes it with the realm's policy on that first login.
 */
final class PasswordImport {

  private PasswordImport() {}

  /** Whether the stored password changed; the same hash imported again changes nothing. */
  static boolean apply(
      KeycloakSession session, UserModel user, JsonNode passwordHash, HashCeilings ceilings) {
    if (passwordHash == null || passwordHash.isNull()) {
      return false;
    }
    PasswordCredentialModel imported;
    try {
      imported = ImportedPasswordHash.parse(passwordHash, ceilings);
    } catch (InvalidPasswordHashException e) {
      throw new InvalidLineException("password_hash: " + e.getMessage());
    }
    String algorithm = imported.getPasswordCredentialData().getAlgorithm();
    if (session.getProvider(PasswordHashProvider.class, algorithm) == null) {
      throw new InvalidLineException(
          "password_hash: this server has no password hash provider '" + algorithm + "'");
    }
    List<CredentialModel> current =
        user.credentialManager()
            .getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
            .toList();
    String value = imported.getPasswordSecretData().getValue();
    boolean same =
        current.size() == 1
            && value.equals(
                PasswordCredentialModel.createFromCredentialModel(current.get(0))
                    .getPasswordSecretData()
                    .getValue());
    if (same) {
      return false;
    }
    current.forEach(c -> user.credentialManager().removeStoredCredentialById(c.getId()));
    imported.setCreatedDate(Time.currentTimeMillis());
    user.credentialManager().createStoredCredential(imported);
    return true;
  }
}
