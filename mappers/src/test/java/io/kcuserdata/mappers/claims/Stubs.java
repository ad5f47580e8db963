package io.kcuserdata.mappers.claims;

import io.kcuserdata.mappers.email.Fakes;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Keycloak model interfaces answering a few methods by name with fixed values. */
final class Stubs {

  private Stubs() {}

  static <T> T of(Class<T> type, Map<String, Object> answers) {
    Map<String, Function<Object[], Object>> byName =
        answers.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> args -> e.getValue()));
    return Fakes.proxy(type, byName);
  }
}
