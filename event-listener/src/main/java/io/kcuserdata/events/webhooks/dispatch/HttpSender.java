package io.kcuserdata.events.webhooks.dispatch;

import io.kcuserdata.core.net.SsrfGuard;
import io.kcuserdata.core.net.http.Deadline;
import io.kcuserdata.core.net.http.GuardedHttpClient;
import io.kcuserdata.core.net.http.OutboundCallException;
import io.kcuserdata.core.signing.WebhookSecret;
import io.kcuserdata.core.signing.WebhookSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.entity.ContentType;

/**
 * Signs the exact bytes it sends (Standard Webhooks v1: {@code webhook-id} stable across retries, a
 * fresh {@code webhook-timestamp}, one {@code v1,} signature per active secret) and POSTs them
 * through the pack's SSRF-guarded client, keeping the first KiB of whatever comes back.
 */
public final class HttpSender implements Sender {

  static final int EXCERPT_BYTES = 1024;

  private final GuardedHttpClient client;
  private final Duration timeout;

  public HttpSender(SsrfGuard guard, Duration timeout, int maxConnections) {
    this.client = new GuardedHttpClient(guard, "kc-userdata-webhooks", maxConnections);
    this.timeout = timeout;
  }

  @Override
  public AttemptResult send(URI url, String messageId, byte[] body, List<WebhookSecret> secrets) {
    long started = System.nanoTime();
    Map<String, String> headers =
        new HashMap<>(new WebhookSigner(secrets).sign(messageId, body).asMap());
    try {
      GuardedHttpClient.Response response =
          client.post(
              url,
              ContentType.APPLICATION_JSON,
              body,
              headers,
              Deadline.in(timeout),
              GuardedHttpClient.BodyPolicy.excerpt(EXCERPT_BYTES));
      return new AttemptResult(
          response.status(),
          new String(response.body(), StandardCharsets.UTF_8),
          null,
          millisSince(started),
          RetryAfter.parse(response.retryAfter(), Instant.now()).orElse(null));
    } catch (OutboundCallException e) {
      return new AttemptResult(null, null, e.getMessage(), millisSince(started), null);
    }
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  @Override
  public void close() {
    client.close();
  }
}
