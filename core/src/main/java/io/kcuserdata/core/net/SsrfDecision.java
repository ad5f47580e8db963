package io.kcuserdata.core.net;

import java.net.InetAddress;
import java.util.List;

/**
 * Whether an outbound call may go out, and why.
 *
 * <p>When allowed, {@link #addresses()} are the addresses that were checked. Connect to one of
 * those (for instance through a DNS resolver hook of the HTTP client that answers with them) and do
 * not resolve the host again: a second lookup may answer differently (DNS rebinding) and reach an
 * address the guard never saw. Keep sending the host itself in the {@code Host} header and TLS SNI,
 * and verify the certificate against it.
 *
 * <p>The reason names the host and the offending address, never the whole URL, whose path or query
 * may carry something confidential.
 *
 * @param allowed whether the call may go out
 * @param host the URL's host as judged (lower case, no brackets), or null when there was none
 * @param addresses what to connect to when allowed; empty when refused or when only the syntax was
 *     checked
 * @param reason why, in words fit for an admin or a log line
 */
public record SsrfDecision(
    boolean allowed, String host, List<InetAddress> addresses, String reason) {

  public SsrfDecision {
    addresses = List.copyOf(addresses);
  }

  static SsrfDecision allow(String host, List<InetAddress> addresses, String reason) {
    return new SsrfDecision(true, host, addresses, reason);
  }

  static SsrfDecision refuse(String host, String reason) {
    return new SsrfDecision(false, host, List.of(), reason);
  }

  /**
   * This decision when allowed.
   *
   * @throws SsrfRefusedException carrying the reason when refused
   */
  public SsrfDecision requireAllowed() {
    if (!allowed) {
      throw new SsrfRefusedException(this);
    }
    return this;
  }
}
