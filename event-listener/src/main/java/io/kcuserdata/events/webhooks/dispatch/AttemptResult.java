package io.kcuserdata.events.webhooks.dispatch;

import java.time.Duration;

/**
 * What one delivery attempt got back.
 *
 * @param status the HTTP status, or null when no response came
 * @param excerpt the first KiB of the response body, or null
 * @param error why no response came (host and kind, never a secret), or null
 * @param retryAfter the receiver's Retry-After, or null
 */
public record AttemptResult(
    Integer status, String excerpt, String error, long latencyMillis, Duration retryAfter) {

  public Verdict verdict() {
    return Verdict.of(status);
  }
}
