package io.kcuserdata.claims.http;

import io.kcuserdata.core.net.SsrfGuard;
import java.io.IOException;
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
 * One pooled HTTP client per mapper (Keycloak's Apache HttpClient 4): kept-alive connections, no
 * redirects, no retries, no cookies, every connection through the SSRF guard. Each call is bounded
 * as a whole: connect, send and read together end at the deadline, when a watchdog aborts the
 * request, so a server trickling bytes cannot hold a Keycloak thread longer.
 */
public final class ClaimsHttpClient implements AutoCloseable {

  static final int MAX_CONNECTIONS = 64;

  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "userdata-claims-deadline");
            thread.setDaemon(true);
            return thread;
          });

  private final CloseableHttpClient client;

  public ClaimsHttpClient(SsrfGuard guard) {
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
    connections.setMaxTotal(MAX_CONNECTIONS);
    connections.setDefaultMaxPerRoute(MAX_CONNECTIONS);
    connections.setValidateAfterInactivity(1000);
    client =
        HttpClients.custom()
            .setConnectionManager(connections)
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .setUserAgent("kc-userdata-external-claims")
            .build();
  }

  /**
   * POSTs {@code body} and reads a 2xx answer of at most {@code maxBytes}.
   *
   * @throws CallFailedException when no response came back in time, or its body was too large
   */
  public ApiResponse post(
      URI url,
      ContentType contentType,
      byte[] body,
      Map<String, String> headers,
      Deadline deadline,
      int maxBytes)
      throws CallFailedException {
    String host = url.getHost();
    int budget = (int) Math.min(Integer.MAX_VALUE, deadline.remainingMillis());
    if (budget <= 0) {
      throw new CallFailedException(Outcome.TIMEOUT, "no time left to call " + host);
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
      if (status < 200 || status >= 300) {
        post.abort(); // the body is not wanted; do not keep reading it
        return new ApiResponse(status, new byte[0], retry);
      }
      HttpEntity entity = response.getEntity();
      if (entity != null && entity.getContentLength() > maxBytes) {
        post.abort();
        throw tooLarge(host, maxBytes);
      }
      byte[] read = BoundedBody.read(entity == null ? null : entity.getContent(), maxBytes);
      if (read == null) {
        post.abort();
        throw tooLarge(host, maxBytes);
      }
      return new ApiResponse(status, read, retry);
    } catch (GuardedDnsResolver.RefusedHostException e) {
      throw new CallFailedException(
          Outcome.REFUSED, "refused to call " + host + ": " + e.getMessage());
    } catch (InterruptedIOException e) {
      throw new CallFailedException(
          Outcome.TIMEOUT, host + " did not answer within " + budget + " ms");
    } catch (IOException e) {
      if (timedOut.get() || deadline.passed()) {
        throw new CallFailedException(
            Outcome.TIMEOUT, host + " did not answer within " + budget + " ms");
      }
      throw new CallFailedException(
          Outcome.TRANSPORT_ERROR,
          "could not reach " + host + " (" + e.getClass().getSimpleName() + ")");
    } finally {
      watchdog.cancel(false);
    }
  }

  private static CallFailedException tooLarge(String host, int maxBytes) {
    return new CallFailedException(
        Outcome.INVALID_RESPONSE, host + " answered more than " + maxBytes + " bytes");
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
