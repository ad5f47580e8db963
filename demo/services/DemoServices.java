/*
 * The demo's other parties, JDK only (./demo.sh compiles this folder with javac):
 *
 *   GET  /, /login, /callback   the demo app (DemoApp): signs in to realm acme, shows the tokens and
 *                               where each of the pack's claims came from
 *   POST /claims                the external claims API of the acme realm's billing claims mapper
 *   POST /webhooks              the webhook receiver; GET /received (and /received.json) lists what
 *                               arrived, with whether each signature verified
 *   SMTP DEMO_SMTP_PORT         the mail catcher Keycloak sends its mails to; GET /mail (/mail.json)
 *
 * At start it registers its webhook endpoint in the acme realm through the admin API. What the
 * receiver and the mail catcher got is kept in DEMO_DATA_DIR across restarts.
 *
 * Environment: DEMO_SERVICES_PORT (8081), DEMO_SERVICES_URL (how Keycloak reaches this program,
 * http://127.0.0.1:8081), DEMO_BROWSER_URL (how a browser reaches it, http://localhost:8081),
 * KC_URL (how this program reaches Keycloak, http://localhost:8080), DEMO_KC_URL (how a browser
 * reaches Keycloak, KC_URL), KC_ADMIN / KC_ADMIN_PASSWORD (admin / admin), DEMO_CLAIMS_SECRET,
 * DEMO_SMTP_LISTEN (127.0.0.1), DEMO_SMTP_PORT (2525), DEMO_DATA_DIR (./demo-data),
 * DEMO_KEYCLOAK_HOME (a Keycloak distribution whose theme fonts the pages use; optional).
 */
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

public final class DemoServices {

  private DemoServices() {}

  public static void main(String[] args) throws Exception {
    Config config = Config.fromEnvironment();
    Log.info(
        "demo services starting: http on port "
            + config.port()
            + ", SMTP on "
            + config.smtpListen()
            + ":"
            + config.smtpPort()
            + ", data in "
            + config.dataDir().toAbsolutePath());
    Page.keycloakAt(config.keycloakBrowser());

    Keycloak keycloak = new Keycloak(config);
    WebhookRegistration registration =
        new WebhookRegistration(keycloak, config.self(), config.dataDir());
    WebhookReceiver receiver =
        new WebhookReceiver(
            registration, new NdjsonFile(config.dataDir().resolve("received.ndjson"), 500));
    NdjsonFile mails = new NdjsonFile(config.dataDir().resolve("mails.ndjson"), 100);
    MailCatcher mailCatcher = new MailCatcher(mails);
    MailPage mailPage = new MailPage(mails, config.smtpListen() + ":" + config.smtpPort());
    DemoApp app = new DemoApp(config, keycloak, new Provenance(keycloak));
    ClaimsApi claims = new ClaimsApi(config.claimsSecret());
    ThemeAssets assets = new ThemeAssets(config.keycloakHome());

    Map<String, Http.Route> routes = new LinkedHashMap<>();
    routes.put("/", app::home);
    routes.put("/login", app::login);
    routes.put("/callback", app::callback);
    routes.put("/claims", claims::handle);
    routes.put("/webhooks", receiver::deliver);
    routes.put("/received", receiver::listPage);
    routes.put("/received.json", receiver::listJson);
    routes.put("/mail", mailPage::listPage);
    routes.put("/mail.json", mailPage::listJson);
    routes.put("/favicon.ico", exchange -> Http.send(exchange, 204, "image/x-icon", new byte[0]));
    for (String path : assets.paths()) {
      routes.put(path, assets::serve);
    }

    mailCatcher.start(config.smtpListen(), config.smtpPort());
    HttpServer server = HttpServer.create(new InetSocketAddress(config.port()), 0);
    server.createContext("/", Http.router(routes));
    // Several threads: the app's token request makes Keycloak call /claims meanwhile.
    ExecutorService workers = Executors.newFixedThreadPool(16);
    server.setExecutor(workers);
    server.start();

    Thread registering = new Thread(registration::registerUntilDone, "register-webhook");
    registering.setDaemon(true);
    registering.start();

    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  Log.info("demo services stopping");
                  server.stop(0);
                  workers.shutdownNow();
                  mailCatcher.stop();
                },
                "stop"));
  }
}
