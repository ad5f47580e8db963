package io.kcuserdata.mappers.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;

/**
 * Fingerprints of the values each provider last wrote, kept in the pack's own {@code status}
 * namespace under {@code idp_sync}: {@code {"<alias>":{"custom_data.plan":"hmac:<key id>:<hmac>"}}}
 * ({@link SyncFingerprints}). Users never see it, not even in their own data export; admins read
 * it; only the pack writes it.
 */
public final class SyncState {

  public static final String KEY = "idp_sync";

  private SyncState() {}

  /** The fingerprint recorded for {@code target} from provider {@code alias}, or null. */
  public static String recorded(ObjectNode status, String alias, String target) {
    JsonNode value = status.path(KEY).path(alias).path(target);
    return value.isTextual() ? value.asText() : null;
  }

  /**
   * A merge patch of the {@code status} namespace that records (or, with a null fingerprint,
   * forgets) what {@code alias} wrote to {@code target}.
   */
  public static ObjectNode patch(String alias, String target, String fingerprint) {
    ObjectNode byTarget = Json.object();
    if (fingerprint == null) {
      byTarget.putNull(target);
    } else {
      byTarget.put(target, fingerprint);
    }
    ObjectNode patch = Json.object();
    patch.putObject("status").putObject(KEY).set(alias, byTarget);
    return patch;
  }
}
