package io.kcuserdata.it.harness;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.keycloak.admin.client.Keycloak;

/**
 * Starts one Keycloak server for the whole test run (kept in the root store, stopped when the run
 * ends), hands tests what they ask for, and prints the server's log of a test that failed.
 */
final class KeycloakExtension implements BeforeEachCallback, ParameterResolver, TestWatcher {

  private static final Namespace NS = Namespace.create(KeycloakExtension.class);
  private static final Set<Class<?>> RESOLVED =
      Set.of(
          KeycloakServer.class,
          Keycloak.class,
          HttpApi.class,
          Realms.class,
          Browser.class,
          TestHttpServer.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    run(context).server().log().ifPresent(log -> context.getStore(NS).put("log-mark", log.mark()));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return RESOLVED.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    TestRun run = run(context);
    Store store = context.getStore(NS);
    if (type == KeycloakServer.class) {
      return run.server();
    }
    if (type == Keycloak.class) {
      return run.admin();
    }
    if (type == HttpApi.class) {
      return HttpApi.asAdmin(run.server(), run.admin());
    }
    if (type == Realms.class) {
      return store.computeIfAbsent(
          Realms.class,
          k -> new Realms(run.admin(), run.server(), run.appRedirectUri(), testName(context)),
          Realms.class);
    }
    if (type == Browser.class) {
      return store.computeIfAbsent(Browser.class, k -> new Browser(), Browser.class);
    }
    return store.computeIfAbsent(
        TestHttpServer.class, k -> TestHttpServer.start(), TestHttpServer.class);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Long mark = context.getStore(NS).get("log-mark", Long.class);
    run(context)
        .server()
        .log()
        .ifPresent(
            log ->
                System.out.printf(
                    "%n===== Keycloak log during %s (%s) =====%n%s%n===== end of Keycloak log =====%n",
                    context.getDisplayName(), log.file(), log.since(mark == null ? 0 : mark)));
  }

  private static TestRun run(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NS)
        .computeIfAbsent(TestRun.class, k -> TestRun.fromSystemProperties(), TestRun.class)
        .get();
  }

  private static String testName(ExtensionContext context) {
    String method = context.getTestMethod().map(m -> m.getName()).orElse("realm");
    return method.length() > 40 ? method.substring(0, 40) : method;
  }

  /** Settings come from system properties that the module's pom passes to failsafe. */
  static URI configuredUrl() {
    String url = System.getProperty("kc.url", "").trim();
    return url.isEmpty() ? null : URI.create(url);
  }

  static Path distributionHome() {
    String home = System.getProperty("kc.home", "").trim();
    if (home.isEmpty()) {
      throw new IllegalStateException(
          "kc.home is not set: run the ITs through Maven, or set -Dkc.url to a running server");
    }
    return Path.of(home);
  }
}
