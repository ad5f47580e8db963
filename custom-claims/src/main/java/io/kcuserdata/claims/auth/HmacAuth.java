package io.kcuserdata.claims.auth;

import io.kcuserdata.claims.http.CallFailedException;
import io.kcuserdata.claims.http.Outcome;
import io.kcuserdata.core.net.http.Deadline;
import io.kcuserdata.core.signing.WebhookSecret;
import io.kcuserdata.core.signing.WebhookSigner;
import java.util.Map;
import java.util.UUID;

/**
 * Signs the request body as a Standard Webhooks message ({@code webhook-id}, {@code
 * webhook-timestamp}, {@code webhook-signature}), so the API verifies it with any Standard Webhooks
 * library and rejects replays older than its tolerance.
 */
final class HmacAuth implements RequestAuth {

  private volatile Signing cached;

  private record Signing(String secret, WebhookSigner signer) {}

  @Override
  public Map<String, String> headers(byte[] body, String secret, Deadline deadline)
      throws CallFailedException {
    return signer(secret)
        .sign("msg_" + UUID.randomUUID().toString().replace("-", ""), body)
        .asMap();
  }

  private WebhookSigner signer(String secret) throws CallFailedException {
    Signing current = cached;
    if (current != null && current.secret().equals(secret)) {
      return current.signer();
    }
    try {
      WebhookSigner signer = new WebhookSigner(WebhookSecret.parse(secret));
      cached = new Signing(secret, signer);
      return signer;
    } catch (IllegalArgumentException e) {
      // WebhookSecret's message describes the format, never the value.
      throw new CallFailedException(
          Outcome.TRANSPORT_ERROR, "the HMAC secret is not usable: " + e.getMessage());
    }
  }
}
