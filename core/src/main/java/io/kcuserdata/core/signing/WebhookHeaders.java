package io.kcuserdata.core.signing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three Standard Webhooks headers of one signed message.
 *
 * @param id {@code webhook-id}: the message id, the same on every retry so receivers can drop
 *     duplicates
 * @param timestamp {@code webhook-timestamp}: unix seconds when the message was signed
 * @param signature {@code webhook-signature}: one or more space-separated {@code v1,<base64>}
 */
public record WebhookHeaders(String id, long timestamp, String signature) {

  public static final String ID = "webhook-id";
  public static final String TIMESTAMP = "webhook-timestamp";
  public static final String SIGNATURE = "webhook-signature";

  /** Header name to value, in the order above. */
  public Map<String, String> asMap() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(ID, id);
    headers.put(TIMESTAMP, Long.toString(timestamp));
    headers.put(SIGNATURE, signature);
    return headers;
  }
}
