package io.kcuserdata.mappers.email;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransaction;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Keycloak model interfaces with just the state the email-verification code touches. */
public final class Fakes {

  private Fakes() {}

  /** A proxy answering the named methods, the rest with false, zero or null. */
  public static <T> T proxy(Class<T> type, Map<String, Function<Object[], Object>> answers) {
    Object stub =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              switch (method.getName()) {
                case "equals":
                  return self == args[0];
                case "hashCode":
                  return System.identityHashCode(self);
                case "toString":
                  return type.getSimpleName() + " fake";
                default:
                  break;
              }
              Function<Object[], Object> answer = answers.get(method.getName());
              if (answer != null) {
                return answer.apply(args == null ? new Object[0] : args);
              }
              Class<?> returns = method.getReturnType();
              if (returns == boolean.class) {
                return false;
              }
              if (returns.isPrimitive() && returns != void.class) {
                return 0;
              }
              return null;
            });
    return type.cast(stub);
  }

  public static RealmModel realm() {
    return proxy(RealmModel.class, Map.of());
  }

  public static BrokeredIdentityContext context(
      String email, AuthenticationSessionModel authSession) {
    IdentityProviderModel idp = new IdentityProviderModel();
    idp.setAlias("upstream");
    idp.setEnabled(true);
    BrokeredIdentityContext context = new BrokeredIdentityContext("upstream-id", idp);
    context.setEmail(email);
    context.setAuthenticationSession(authSession);
    return context;
  }

  /** An account: id, email, flag and required actions. */
  public static final class User {
    public final String id;
    public String email;
    public boolean emailVerified;
    public final Set<String> requiredActions = new LinkedHashSet<>();

    public User(String id, String email, boolean emailVerified) {
      this.id = id;
      this.email = email;
      this.emailVerified = emailVerified;
    }

    public UserModel model() {
      Map<String, Function<Object[], Object>> answers = new HashMap<>();
      answers.put("getId", a -> id);
      answers.put("getEmail", a -> email);
      answers.put("setEmail", a -> email = (String) a[0]);
      answers.put("isEmailVerified", a -> emailVerified);
      answers.put(
          "setEmailVerified",
          a -> {
            emailVerified = (Boolean) a[0];
            return null;
          });
      answers.put("addRequiredAction", a -> requiredActions.add(a[0].toString()));
      return proxy(UserModel.class, answers);
    }
  }

  /** An authentication session holding notes. */
  public static final class AuthSession {
    public final Map<String, String> notes = new HashMap<>();

    public AuthenticationSessionModel model() {
      Map<String, Function<Object[], Object>> answers = new HashMap<>();
      answers.put("getAuthNote", a -> notes.get((String) a[0]));
      answers.put("setAuthNote", a -> notes.put((String) a[0], (String) a[1]));
      answers.put("removeAuthNote", a -> notes.remove((String) a[0]));
      answers.put("getRealm", a -> realm());
      return proxy(AuthenticationSessionModel.class, answers);
    }
  }

  /** A session whose users are looked up by email or id, and whose prepare phase can be run. */
  public static final class Session {
    public final Map<String, UserModel> users = new HashMap<>();
    public final List<KeycloakTransaction> prepared = new ArrayList<>();

    public Session with(UserModel user) {
      users.put(user.getId(), user);
      return this;
    }

    public KeycloakSession model() {
      UserProvider provider =
          proxy(
              UserProvider.class,
              Map.of(
                  "getUserById", a -> users.get((String) a[1]),
                  "getUserByEmail",
                      a ->
                          users.values().stream()
                              .filter(u -> ((String) a[1]).equalsIgnoreCase(u.getEmail()))
                              .findFirst()
                              .orElse(null)));
      KeycloakTransactionManager transactions =
          proxy(
              KeycloakTransactionManager.class,
              Map.of("enlistPrepare", a -> prepared.add((KeycloakTransaction) a[0])));
      return proxy(
          KeycloakSession.class,
          Map.of("users", a -> provider, "getTransactionManager", a -> transactions));
    }

    /** What Keycloak does when the request's transaction commits. */
    public void commit() {
      for (KeycloakTransaction transaction : prepared) {
        transaction.begin();
        transaction.commit();
      }
    }
  }
}
