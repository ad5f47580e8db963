package io.kcuserdata.it.bench;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kcuserdata.it.harness.DistributionServer;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.PostgresServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * Bulk export against what a client can do without the pack (paging the users endpoint with full
 * representations), in one run and alternating, plus import throughput. The realm is filled through
 * the import itself, on PostgreSQL: Keycloak's dev H2 slows to a crawl past some 80,000 users,
 * which would measure H2 rather than the export.
 */
class ExportBench {

  private static final int USERS = Integer.getInteger("bench.export.users", 100_000);
  private static final int ROUNDS = Integer.getInteger("bench.export.rounds", 3);
  private static final int CHUNK = 1_000;
  private static final int PAGE = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void exportVersusPagingTheUsersEndpointAndImportThroughput() throws Exception {
    Path target = Path.of(System.getProperty("kc.home", "target/keycloak")).getParent();
    try (PostgresServer postgres = PostgresServer.start(target.resolve("postgres-bench"));
        DistributionServer server =
            DistributionServer.startCopy("keycloak-bench", postgres.keycloakOptions());
        Keycloak client =
            Keycloak.getInstance(
                server.baseUrl().toString(),
                "master",
                server.adminUser(),
                server.adminPassword(),
                "admin-cli")) {
      RealmRepresentation realm = new RealmRepresentation();
      realm.setRealm("bulk");
      realm.setEnabled(true);
      client.realms().create(realm);
      run(HttpApi.asAdmin(server, client), server);
    }
  }

  private void run(HttpApi admin, DistributionServer server) throws Exception {
    Report report = new Report("export-vs-paging");
    String base = "/admin/realms/bulk";
    String hash =
        new String(BCrypt.withDefaults().hash(10, "pw".toCharArray()), StandardCharsets.UTF_8);
    long importStarted = System.nanoTime();
    for (int from = 0; from < USERS; from += CHUNK) {
      StringBuilder lines = new StringBuilder();
      for (int n = from; n < Math.min(USERS, from + CHUNK); n++) {
        lines.append(line(n, hash)).append('\n');
      }
      String results =
          admin
              .send("POST", base + "/user-data/import", "application/x-ndjson", lines.toString())
              .requireStatus(200)
              .body();
      assertThat(results).doesNotContain("\"error\"");
    }
    double importSeconds = (System.nanoTime() - importStarted) / 1e9;
    report.line("command: %s (ExportBench)", Report.COMMAND);
    report.line(
        "PostgreSQL; import: %d users (profile, custom_data, app_metadata, a bcrypt hash) in chunks"
            + " of %d lines:"
            + " %.1f s, %.0f users/s",
        USERS, CHUNK, importSeconds, USERS / importSeconds);

    ServerHeap heap =
        new ServerHeap(
            server.managementUrl().orElseThrow(), server.serverProcess().orElseThrow().pid());
    List<Double> ratios = new ArrayList<>();
    List<Double> growth = new ArrayList<>();
    List<Double> heapGrowth = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      heap.collect();
      long baseline = heap.used();
      long oldBaseline = heap.old();
      long started = System.nanoTime();
      long exported;
      long peak;
      long oldPeak;
      try (ServerHeap.Sampler sampler = heap.new Sampler()) {
        exported = countLines(admin.stream(base + "/user-data/export?format=ndjson"));
        peak = sampler.peak();
        oldPeak = sampler.oldPeak();
      }
      double exportSeconds = (System.nanoTime() - started) / 1e9;
      started = System.nanoTime();
      long paged = page(admin, base);
      double pagingSeconds = (System.nanoTime() - started) / 1e9;
      assertThat(exported).isEqualTo(USERS);
      assertThat(paged).isEqualTo(USERS);
      ratios.add(pagingSeconds / exportSeconds);
      growth.add((oldPeak - oldBaseline) / 1048576.0);
      heapGrowth.add((peak - baseline) / 1048576.0);
      report.line(
          "round %d: export %.1f s (%.0f users/s), old generation peak %.0f MB over its baseline"
              + " (whole heap incl. young garbage %.0f MB over %.0f MB) |"
              + " paging /users?briefRepresentation=false&max=%d %.1f s (%.0f users/s) | %.2fx",
          round,
          exportSeconds,
          USERS / exportSeconds,
          growth.get(round - 1),
          heapGrowth.get(round - 1),
          baseline / 1048576.0,
          PAGE,
          pagingSeconds,
          USERS / pagingSeconds,
          ratios.get(round - 1));
    }
    report.line(
        "median: export %.2fx faster than paging (goal >= 3x); old-generation growth during"
            + " export median %.0f MB, max %.0f MB (goal: heap growth < 64 MB)",
        Report.median(ratios),
        Report.median(growth),
        growth.stream().mapToDouble(d -> d).max().orElse(0));
  }

  private static String line(int n, String hash) {
    return "{\"username\":\"bulk-"
        + n
        + "\",\"email\":\"bulk-"
        + n
        + "@example.test\",\"email_verified\":true,\"first_name\":\"Bulk\",\"last_name\":\"User "
        + n
        + "\",\"profile\":{\"nickname\":\"b"
        + n
        + "\"},\"custom_data\":{\"plan\":\""
        + (n % 3 == 0 ? "pro" : "free")
        + "\",\"seats\":"
        + (n % 50)
        + "},\"app_metadata\":{\"crm_id\":\"C-"
        + n
        + "\"},\"password_hash\":{\"algorithm\":\"bcrypt\",\"value\":\""
        + hash
        + "\"}}";
  }

  private static long countLines(HttpResponse<InputStream> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(200);
    long lines = 0;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      while (reader.readLine() != null) {
        lines++;
      }
    }
    return lines;
  }

  private static long page(HttpApi admin, String base) throws Exception {
    long users = 0;
    for (int first = 0; ; first += PAGE) {
      JsonNode page =
          JSON.readTree(
              admin
                  .get(base + "/users?briefRepresentation=false&first=" + first + "&max=" + PAGE)
                  .requireStatus(200)
                  .body());
      users += page.size();
      if (page.size() < PAGE) {
        return users;
      }
    }
  }
}
