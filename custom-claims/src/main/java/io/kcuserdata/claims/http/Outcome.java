package io.kcuserdata.claims.http;

import java.util.Locale;

/** How one call to the claims API ended, as counted in metrics and named in logs. */
public enum Outcome {
  SUCCESS,
  DENIED,
  TIMEOUT,
  /** Connection refused or reset, TLS failure, unknown host. */
  TRANSPORT_ERROR,
  /** Any status but 2xx, redirects included: they are never followed. */
  HTTP_ERROR,
  /** Not JSON, not an object, too large, or claims of the wrong shape. */
  INVALID_RESPONSE,
  /** The SSRF guard refused the address. */
  REFUSED,
  /** Not called: the circuit breaker is open. */
  BREAKER_OPEN;

  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this counts against the API in the circuit breaker. */
  public boolean isFailure() {
    return this != SUCCESS && this != DENIED && this != BREAKER_OPEN;
  }
}
