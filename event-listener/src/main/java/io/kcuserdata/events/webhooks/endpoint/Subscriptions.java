package io.kcuserdata.events.webhooks.endpoint;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The enabled endpoints of each realm, cached so an event nobody subscribes to costs no query and
 * no write. A change through this node's admin API is seen at once; one made through another node
 * of a cluster within {@link #STALE_AFTER}.
 */
public final class Subscriptions {

  public static final Duration STALE_AFTER = Duration.ofSeconds(10);

  private final Cache<String, List<Endpoint>> byRealm =
      Caffeine.newBuilder().expireAfterWrite(STALE_AFTER).maximumSize(10_000).build();

  /**
   * @param load the realm's endpoints from the database, on a miss
   */
  public List<Endpoint> of(String realmId, Function<String, List<Endpoint>> load) {
    return byRealm.get(realmId, id -> load.apply(id).stream().filter(Endpoint::enabled).toList());
  }

  public void changed(String realmId) {
    byRealm.invalidate(realmId);
  }

  public void changedAll() {
    byRealm.invalidateAll();
  }
}
