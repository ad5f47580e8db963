package io.kcuserdata.admin.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.admin.http.ActionEvents;
import io.kcuserdata.core.json.Json;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * An import answered while it is read: each line's result is written and flushed as the line
 * finishes, so memory stays at one line whatever the body's size, and the caller sees progress. At
 * most {@code maxLines} lines are read; the line after them answers one error and the answer ends.
 * The admin event with the counts is recorded at the end, in a transaction of its own, since the
 * request's own transaction has ended by the time the answer is written.
 */
final class UserImport implements StreamingOutput {

  static final int MAX_LINE_BYTES = 1 << 20;
  static final long MAX_BODY_BYTES = 512L << 20;

  private static final Logger LOG = Logger.getLogger(UserImport.class);

  private final KeycloakSessionFactory factory;
  private final String realmId;
  private final String realmName;
  private final InputStream body;
  private final ImportRun run;
  private final int maxLines;
  private final AdminEventBuilder event;

  UserImport(
      KeycloakSessionFactory factory,
      RealmModel realm,
      InputStream body,
      ImportRun run,
      int maxLines,
      AdminEventBuilder event) {
    this.factory = factory;
    this.realmId = realm.getId();
    this.realmName = realm.getName();
    this.body = body;
    this.run = run;
    this.maxLines = maxLines;
    this.event = event;
  }

  @Override
  public void write(OutputStream output) {
    Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
    NdjsonLines lines =
        new NdjsonLines(new BufferedInputStream(body, 65536), MAX_LINE_BYTES, MAX_BODY_BYTES);
    boolean answered = false;
    try {
      answer(out, lines);
      answered = true;
    } catch (IOException | UncheckedIOException e) {
      // The caller went away: nobody is left to tell, and this is no server error.
      LOG.infof(
          "user import into realm %s: the answer broke off after %d lines: %s",
          realmName, run.lines(), e.getMessage());
    } finally {
      run.finish();
      recordEvent(answered);
    }
  }

  /** Reads, imports and answers line by line; throws only when the answer cannot be written. */
  private void answer(Writer out, NdjsonLines lines) throws IOException {
    while (true) {
      NdjsonLines.Line line;
      try {
        line = lines.next();
      } catch (IOException | UncheckedIOException e) {
        send(out, run.count(ImportOutcome.error(lines.lastNumber() + 1, null, unreadable(e))));
        return;
      }
      if (line == null) {
        break;
      }
      if (line.number() > maxLines) {
        send(out, run.count(ImportOutcome.error(line.number(), null, overLines())));
        return;
      }
      send(out, outcome(line));
    }
    if (lines.bodyTooLarge()) {
      send(
          out,
          run.count(
              ImportOutcome.error(
                  lines.lastNumber() + 1,
                  null,
                  "the body exceeds "
                      + (MAX_BODY_BYTES >> 20)
                      + " MiB; this and later lines were not read")));
    }
  }

  /**
   * Keycloak's HTTP layer ends a chunked body at its request size limit (10 MiB unless raised) with
   * an error, as it does when the connection breaks.
   */
  private static String unreadable(Exception e) {
    String message = String.valueOf(e.getMessage());
    String why =
        message.contains("too large")
            ? "the body is larger than the server's HTTP request size limit"
                + " (quarkus.http.limits.max-body-size, 10 MiB by default)"
            : "the body broke off";
    return why + "; this and later lines were not read";
  }

  private String overLines() {
    return "an import reads at most "
        + maxLines
        + " lines per request (SPI option "
        + ImportOptions.MAX_IMPORT_LINES
        + "); this line and the rest were not read";
  }

  private static void send(Writer out, ImportOutcome outcome) throws IOException {
    out.write(Json.compact(outcome.json()));
    out.write('\n');
    out.flush();
  }

  private ImportOutcome outcome(NdjsonLines.Line line) {
    if (line.tooLong()) {
      return run.count(
          ImportOutcome.error(
              line.number(), null, "the line is longer than " + (MAX_LINE_BYTES >> 10) + " KiB"));
    }
    if (line.text().isBlank()) {
      return run.count(new ImportOutcome(line.number(), "skipped", null, "blank line"));
    }
    JsonNode json;
    try {
      json = Json.MAPPER.readTree(line.text());
    } catch (JsonProcessingException e) {
      return run.count(ImportOutcome.error(line.number(), null, "the line is not valid JSON"));
    }
    return run.apply(line.number(), json);
  }

  // Also when the caller went away midway: what was imported until then is on record.
  private void recordEvent(boolean answered) {
    Map<String, String> details = run.summary();
    if (!answered) {
      details.put("interrupted", "true");
    }
    try {
      KeycloakModelUtils.runJobInTransaction(
          factory,
          session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            if (realm != null) {
              session.getContext().setRealm(realm);
              ActionEvents.record(event, session, details);
            }
          });
    } catch (RuntimeException e) {
      LOG.warnf("user import: the admin event %s could not be recorded: %s", details, e.toString());
    }
  }
}
