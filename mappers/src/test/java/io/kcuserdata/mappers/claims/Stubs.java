package io.kcuserdata.mappers.claims;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Keycloak model interfaces answering a few methods by name, the rest with nothing. */
final class Stubs {

  private Stubs() {}

  static <T> T of(Class<T> type, Map<String, Object> answers) {
    Object stub =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "equals":
                  return proxy == args[0];
                case "hashCode":
                  return System.identityHashCode(proxy);
                case "toString":
                  return type.getSimpleName() + " stub";
                default:
                  break;
              }
              if (answers.containsKey(method.getName())) {
                return answers.get(method.getName());
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
}
