import java.nio.file.Path;

/** The services' settings, from the environment ./demo.sh (or the compose file) sets. */
record Config(
    int port,
    String self,
    String browser,
    String keycloak,
    String keycloakBrowser,
    String realm,
    String adminUser,
    String adminPassword,
    String claimsSecret,
    String smtpListen,
    int smtpPort,
    Path dataDir,
    Path keycloakHome) {

  static Config fromEnvironment() {
    int port = Integer.parseInt(env("DEMO_SERVICES_PORT", "8081"));
    String keycloak = env("KC_URL", "http://localhost:8080");
    String home = env("DEMO_KEYCLOAK_HOME", "");
    return new Config(
        port,
        env("DEMO_SERVICES_URL", "http://127.0.0.1:" + port),
        env("DEMO_BROWSER_URL", "http://localhost:" + port),
        keycloak,
        // Where a browser reaches Keycloak: in compose the services call it by its service name.
        env("DEMO_KC_URL", keycloak),
        "acme",
        env("KC_ADMIN", "admin"),
        env("KC_ADMIN_PASSWORD", "admin"),
        env("DEMO_CLAIMS_SECRET", "whsec_ZGVtby1jbGFpbXMtc2VjcmV0LW5vdC1mb3ItcHJvZHVjdGlvbg=="),
        env("DEMO_SMTP_LISTEN", "127.0.0.1"),
        Integer.parseInt(env("DEMO_SMTP_PORT", "2525")),
        Path.of(env("DEMO_DATA_DIR", "demo-data")),
        home.isBlank() ? null : Path.of(home));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
