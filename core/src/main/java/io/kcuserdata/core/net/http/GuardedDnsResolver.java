package io.kcuserdata.core.net.http;

import io.kcuserdata.core.net.SsrfDecision;
import io.kcuserdata.core.net.SsrfGuard;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.http.conn.DnsResolver;

/**
 * The HTTP client's only way to turn a host into addresses: each connection is checked by the SSRF
 * guard after resolution, and goes to exactly the addresses the guard approved, so a second DNS
 * answer (rebinding) can never lead elsewhere. IP addresses written in the URL are checked too.
 */
public final class GuardedDnsResolver implements DnsResolver {

  /** Carries the guard's refusal out of the HTTP client. */
  public static final class RefusedHostException extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    RefusedHostException(String reason) {
      super(reason);
    }
  }

  private final SsrfGuard guard;

  public GuardedDnsResolver(SsrfGuard guard) {
    this.guard = guard;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    SsrfDecision decision = guard.checkHost(host, SsrfGuard.SYSTEM_RESOLVER);
    if (!decision.allowed()) {
      throw new RefusedHostException(decision.reason());
    }
    return decision.addresses().toArray(InetAddress[]::new);
  }
}
