package io.kcuserdata.claims.runtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.kcuserdata.claims.config.ExternalClaimsConfig;
import io.kcuserdata.core.net.SsrfGuard;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The live runtime of each mapper, by the mapper's id. A changed config (or name) gets a fresh
 * runtime, so its cache never serves answers fetched under the old one; mappers unused for an hour
 * are dropped with their connections.
 */
public final class MapperRuntimes implements AutoCloseable {

  private record Identity(String realm, String name, Map<String, String> config) {
    boolean matches(String realm, String name, Map<String, String> config) {
      return this.realm.equals(realm) && this.name.equals(name) && this.config.equals(config);
    }

    /** The mapper and its config in a stable text: the start of every cache key. */
    String describe(String mapperId) {
      StringBuilder text = new StringBuilder(mapperId).append('\n').append(realm);
      text.append('\n').append(name);
      new TreeMap<>(config)
          .forEach((key, value) -> text.append('\n').append(key).append('=').append(value));
      return text.toString();
    }
  }

  private record Entry(Identity identity, MapperRuntime runtime) {}

  private final MeterRegistry registry;
  private final Cache<String, Entry> byMapperId =
      Caffeine.newBuilder()
          .expireAfterAccess(Duration.ofHours(1))
          // Synchronous, unlike a removal listener: an expired runtime is closed before a
          // successor for the same mapper registers meters of the same names and tags.
          .evictionListener(
              (String id, Entry entry, RemovalCause cause) -> {
                if (entry != null) {
                  entry.runtime().close();
                }
              })
          .build();

  public MapperRuntimes(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * The runtime for this mapper as configured now.
   *
   * @param config parses the raw config; called only when it changed
   */
  public MapperRuntime get(
      String mapperId,
      String realm,
      String mapperName,
      Map<String, String> rawConfig,
      Supplier<ExternalClaimsConfig> config,
      SsrfGuard guard) {
    Map<String, String> raw = rawConfig == null ? Map.of() : rawConfig;
    Entry current = byMapperId.getIfPresent(mapperId);
    if (current != null && current.identity().matches(realm, mapperName, raw)) {
      return current.runtime();
    }
    Identity identity = new Identity(realm, mapperName, new HashMap<>(raw));
    return byMapperId
        .asMap()
        .compute(
            mapperId,
            (id, existing) -> {
              if (existing != null && existing.identity().equals(identity)) {
                return existing;
              }
              ExternalClaimsConfig parsed = config.get(); // when invalid, the current one stays
              if (existing != null) {
                // Now, not later: the successor registers meters of the same names and tags,
                // which closing this one afterwards would remove.
                existing.runtime().close();
              }
              return new Entry(
                  identity,
                  new MapperRuntime(
                      realm,
                      mapperName,
                      mapperId,
                      identity.describe(mapperId),
                      parsed,
                      guard,
                      registry));
            })
        .runtime();
  }

  @Override
  public void close() {
    byMapperId.asMap().values().forEach(entry -> entry.runtime().close());
    byMapperId.invalidateAll();
  }
}
