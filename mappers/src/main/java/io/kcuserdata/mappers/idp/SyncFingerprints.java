package io.kcuserdata.mappers.idp;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.secrets.Fingerprints;
import java.nio.charset.StandardCharsets;

/**
 * Fingerprints of the values a provider wrote, for {@code preserve-local-edits}: HMAC-SHA256 of the
 * value's compact JSON under the pack's key (or the realm's), so that someone who reads {@code
 * status.idp_sync} cannot find the values by trying likely ones. Fingerprints stored before they
 * were keyed (unkeyed SHA-256) are still recognised, and replaced at the next login through the
 * provider.
 */
final class SyncFingerprints {

  private final Fingerprints fingerprints;

  SyncFingerprints(Fingerprints fingerprints) {
    this.fingerprints = fingerprints;
  }

  String of(JsonNode value) {
    return fingerprints.of(bytes(value));
  }

  /** How the recorded fingerprint relates to {@code value}; no match when either is missing. */
  Fingerprints.Verdict check(String recorded, JsonNode value) {
    return recorded == null || value == null
        ? Fingerprints.Verdict.NO_MATCH
        : fingerprints.check(recorded, bytes(value));
  }

  private static byte[] bytes(JsonNode value) {
    return Json.compact(value).getBytes(StandardCharsets.UTF_8);
  }
}
