package io.kcuserdata.admin.passwords;

import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.policy.HashAlgorithmPasswordPolicyProviderFactory;
import org.keycloak.policy.HashIterationsPasswordPolicyProviderFactory;
import org.keycloak.policy.PasswordPolicyProvider;

/**
 * Parses realm password-policy strings with Keycloak's own hashAlgorithm/hashIterations policy
 * providers, so tests see exactly the values Keycloak hands to {@code policyCheck}.
 */
final class TestPolicies {

  private TestPolicies() {}

  /** E.g. {@code "hashAlgorithm(bcrypt) and hashIterations(10)"}. */
  static PasswordPolicy parse(String policy) {
    return PasswordPolicy.parse(session(), policy);
  }

  // Only getProvider is needed; anything else Keycloak asks for is a test bug worth seeing.
  private static KeycloakSession session() {
    KeycloakSession[] self = new KeycloakSession[1];
    self[0] =
        (KeycloakSession)
            Proxy.newProxyInstance(
                TestPolicies.class.getClassLoader(),
                new Class<?>[] {KeycloakSession.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getProvider") && args.length == 2) {
                    return provider((Class<?>) args[0], (String) args[1], self[0]);
                  }
                  throw new UnsupportedOperationException(method.toString());
                });
    return self[0];
  }

  private static Object provider(Class<?> type, String id, KeycloakSession session) {
    if (type == PasswordHashProvider.class) {
      // Any id resolves, as every built-in algorithm would in a real server.
      return new BcryptPasswordHashProvider(new SecureRandom());
    }
    if (type == PasswordPolicyProvider.class && id.equals(PasswordPolicy.HASH_ALGORITHM_ID)) {
      return new HashAlgorithmPasswordPolicyProviderFactory().create(session);
    }
    if (type == PasswordPolicyProvider.class && id.equals(PasswordPolicy.HASH_ITERATIONS_ID)) {
      return new HashIterationsPasswordPolicyProviderFactory();
    }
    return null;
  }
}
