package io.kcuserdata.admin.migration;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.admin.migration.sources.ImportSource;
import io.kcuserdata.admin.passwords.HashCeilings;
import io.kcuserdata.core.error.InvalidUserDataException;
import io.kcuserdata.core.service.PreconditionFailedException;
import io.kcuserdata.core.spi.UserDataProvider;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * One import: each line in its own transaction, so a bad line rolls back alone and never stops the
 * others; counts per result, and progress in the log on long runs.
 */
final class ImportRun {

  private static final Logger LOG = Logger.getLogger(ImportRun.class);
  private static final int PROGRESS_EVERY = 10_000;

  private final KeycloakSessionFactory factory;
  private final String realmId;
  private final String realmName;
  private final ImportSource source;
  private final ImportCaller caller;
  private final HashCeilings ceilings;
  private final Map<String, Integer> counts = new TreeMap<>();
  private final long started = System.nanoTime();
  private int lines;

  ImportRun(
      KeycloakSessionFactory factory,
      RealmModel realm,
      ImportSource source,
      ImportCaller caller,
      HashCeilings ceilings) {
    this.factory = factory;
    this.realmId = realm.getId();
    this.realmName = realm.getName();
    this.source = source;
    this.caller = caller;
    this.ceilings = ceilings;
  }

  ImportOutcome apply(int line, JsonNode json) {
    ImportOutcome outcome;
    try {
      ImportRecord record = ImportRecord.parse(source.convert(json));
      outcome =
          KeycloakModelUtils.runJobInTransactionWithResult(
              factory,
              session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                if (realm == null) {
                  throw new InvalidLineException("the realm was removed during the import");
                }
                session.getContext().setRealm(realm);
                AdminPermissionEvaluator auth =
                    caller
                        .in(session, realm)
                        .orElseThrow(
                            () ->
                                new InvalidLineException(
                                    "not permitted: the importing admin was removed or disabled"));
                return new UserUpsert(
                        session,
                        realm,
                        session.getProvider(UserDataProvider.class),
                        CallerRights.authorization(auth),
                        ceilings)
                    .apply(line, record);
              });
    } catch (InvalidLineException | InvalidUserDataException e) {
      outcome = ImportOutcome.error(line, idOf(json), e.getMessage());
    } catch (PreconditionFailedException | ModelException e) {
      // Duplicates and store refusals: Keycloak's message names the conflict, never a secret.
      outcome = ImportOutcome.error(line, idOf(json), "refused by Keycloak: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.warnf("import into realm %s: line %d failed: %s", realmName, line, e.toString());
      outcome = ImportOutcome.error(line, idOf(json), "the line could not be imported");
    }
    return count(outcome);
  }

  ImportOutcome count(ImportOutcome outcome) {
    counts.merge(outcome.result(), 1, Integer::sum);
    if (++lines % PROGRESS_EVERY == 0) {
      LOG.infof(
          "user import into realm %s: %d lines in %d s %s",
          realmName, lines, (System.nanoTime() - started) / 1_000_000_000L, counts);
    }
    return outcome;
  }

  int lines() {
    return lines;
  }

  void finish() {
    LOG.infof("user import into realm %s finished: %d lines %s", realmName, lines, counts);
  }

  Map<String, String> summary() {
    Map<String, String> summary = new TreeMap<>();
    summary.put("source", source.id());
    summary.put("lines", String.valueOf(lines));
    counts.forEach((result, n) -> summary.put(result, String.valueOf(n)));
    return summary;
  }

  private static String idOf(JsonNode json) {
    JsonNode id = json == null ? null : json.get("id");
    return id != null && id.isTextual() && id.textValue().length() <= 36 ? id.textValue() : null;
  }
}
