package io.kcuserdata.core.net.http;

import io.kcuserdata.core.net.SsrfGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * The pack's pooled HTTP client for calls to other parties (claims APIs, webhook receivers), on
 * Keycloak's Apache HttpClient 4: kept-alive connections, no redirects, no retries, no cookies,
 * every connection through the SSRF guard. Each call is bounded as a whole: connect, send and read
 * end at the deadline, when a watchdog aborts the request, so a server trickling bytes cannot hold
 * a Keycloak thread longer.
 */
public final class GuardedHttpClient implements AutoCloseable {

  /** What to read of a response body. */
  public record BodyPolicy(int maxBytes, boolean truncate, boolean readNonSuccess) {
    /** 2xx bodies up to {@code maxBytes}, larger ones refused; other bodies not read. */
    public static BodyPolicy successUpTo(int maxBytes) {
      return new BodyPolicy(maxBytes, false, false);
    }

    /** The first {@code maxBytes} of any body, the rest dropped. */
    public static BodyPolicy excerpt(int maxBytes) {
      return new BodyPolicy(maxBytes, true, true);
    }
  }

  /** A response that came back in time; {@code body} as the policy allowed. */
  public record Response(int status, byte[] body, String retryAfter) {
    public boolean isSuccess() {
      return status >= 200 && status < 300;
    }
  }

  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "userdata-http-deadline");
            thread.setDaemon(true);
            return thread;
          });

  private final CloseableHttpClient client;

  public GuardedHttpClient(SsrfGuard guard, String userAgent, int maxConnections) {
    PoolingHttpClientConnectionManager connections =
        new PoolingHttpClientConnectionManager(
            RegistryBuilder.<ConnectionSocketFactory>create()
                .register("http", PlainConnectionSocketFactory.getSocketFactory())
                .register("https", SSLConnectionSocketFactory.getSystemSocketFactory())
                .build(),
            null,
            null,
            new GuardedDnsResolver(guard),
            -1,
            TimeUnit.MILLISECONDS);
    connections.setMaxTotal(maxConnections);
    connections.setDefaultMaxPerRoute(maxConnections);
    connections.setValidateAfterInactivity(1000);
    client =
        HttpClients.custom()
            .setConnectionManager(connections)
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .setUserAgent(userAgent)
            .build();
  }

  /**
   * POSTs {@code body}.
   *
   * @throws OutboundCallException when no response came back in time, the guard refused the
   *     address, or a 2xx body was too large for a non-truncating policy
   */
  public Response post(
      URI url,
      ContentType contentType,
      byte[] body,
      Map<String, String> headers,
      Deadline deadline,
      BodyPolicy policy)
      throws OutboundCallException {
    String host = url.getHost();
    int budget = (int) Math.min(Integer.MAX_VALUE, deadline.remainingMillis());
    if (budget <= 0) {
      throw new OutboundCallException(
          OutboundCallException.Kind.TIMEOUT, "no time left to call " + host);
    }
    HttpPost post = new HttpPost(url);
    post.setConfig(
        RequestConfig.custom()
            .setConnectTimeout(budget)
            .setSocketTimeout(budget)
            .setConnectionRequestTimeout(budget)
            .setRedirectsEnabled(false)
            .build());
    headers.forEach(post::setHeader);
    post.setEntity(new ByteArrayEntity(body, contentType));
    // Set before aborting: the abort may surface as a plain IOException (socket closed) a moment
    // before the deadline itself, which the budget rounds down to whole milliseconds.
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> watchdog =
        WATCHDOG.schedule(
            () -> {
              timedOut.set(true);
              post.abort();
            },
            budget,
            TimeUnit.MILLISECONDS);
    try (CloseableHttpResponse response = client.execute(post)) {
      int status = response.getStatusLine().getStatusCode();
      Header retryAfter = response.getFirstHeader("Retry-After");
      String retry = retryAfter == null ? null : retryAfter.getValue();
      boolean success = status >= 200 && status < 300;
      if (!success && !policy.readNonSuccess()) {
        post.abort(); // the body is not wanted; do not keep reading it
        return new Response(status, new byte[0], retry);
      }
      HttpEntity entity = response.getEntity();
      if (!policy.truncate() && entity != null && entity.getContentLength() > policy.maxBytes()) {
        post.abort();
        throw tooLarge(host, policy.maxBytes());
      }
      InputStream in = entity == null ? null : entity.getContent();
      if (policy.truncate()) {
        byte[] prefix = BoundedBody.readPrefix(in, policy.maxBytes());
        post.abort(); // whatever is left is not wanted
        return new Response(status, prefix, retry);
      }
      byte[] read = BoundedBody.read(in, policy.maxBytes());
      if (read == null) {
        post.abort();
        throw tooLarge(host, policy.maxBytes());
      }
      return new Response(status, read, retry);
    } catch (GuardedDnsResolver.RefusedHostException e) {
      throw new OutboundCallException(
          OutboundCallException.Kind.REFUSED, "refused to call " + host + ": " + e.getMessage());
    } catch (InterruptedIOException e) {
      throw timeout(host, budget);
    } catch (IOException e) {
      if (timedOut.get() || deadline.passed()) {
        throw timeout(host, budget);
      }
      throw new OutboundCallException(
          OutboundCallException.Kind.TRANSPORT,
          "could not reach " + host + " (" + e.getClass().getSimpleName() + ")");
    } finally {
      watchdog.cancel(false);
    }
  }

  private static OutboundCallException timeout(String host, int budget) {
    return new OutboundCallException(
        OutboundCallException.Kind.TIMEOUT, host + " did not answer within " + budget + " ms");
  }

  private static OutboundCallException tooLarge(String host, int maxBytes) {
    return new OutboundCallException(
        OutboundCallException.Kind.TOO_LARGE, host + " answered more than " + maxBytes + " bytes");
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      // Closing pooled sockets; nothing to do about a failure.
    }
  }
}
