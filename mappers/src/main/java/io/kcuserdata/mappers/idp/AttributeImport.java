package io.kcuserdata.mappers.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.document.UserDataDocument;
import io.kcuserdata.core.error.InvalidUserDataException;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.AttributeName;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.secrets.Fingerprints;
import io.kcuserdata.core.spi.UserDataProvider;
import io.kcuserdata.mappers.report.SkippedImportNote;
import io.kcuserdata.mappers.report.SkippedImports;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * One run of one mapper for one brokered login: read the claim, decide by the update policy, write
 * through the pack's user-data provider as the identity provider (its rules, limits and the realm's
 * schemas apply), and record a keyed fingerprint of what was written for {@code
 * preserve-local-edits}. A value the rules refuse is skipped, logged and noted for the sign-in's
 * event, never with the value; the login goes on.
 */
final class AttributeImport {

  private static final Logger LOG = Logger.getLogger(AttributeImport.class);

  private final KeycloakSession session;
  private final RealmModel realm;
  private final UserModel user;
  private final IdentityProviderMapperModel mapper;

  AttributeImport(
      KeycloakSession session,
      RealmModel realm,
      UserModel user,
      IdentityProviderMapperModel mapper) {
    this.session = session;
    this.realm = realm;
    this.user = user;
    this.mapper = mapper;
  }

  void run(BrokeredIdentityContext context) {
    String alias = mapper.getIdentityProviderAlias();
    MapperConfig config;
    try {
      config = MapperConfig.parse(mapper.getConfig(), alias);
    } catch (MapperConfig.Invalid e) {
      LOG.warnf(
          "realm %s, provider %s: mapper '%s' imports nothing: %s",
          realm.getName(), alias, mapper.getName(), e.getMessage());
      skipped(context, null, "imports nothing: " + e.getMessage());
      return;
    }
    Optional<JsonNode> claim = BrokeredClaims.find(context, config.source());
    Optional<JsonNode> incoming = claim.flatMap(config.type()::coerce);
    if (claim.isPresent() && incoming.isEmpty()) {
      LOG.warnf(
          "realm %s, provider %s: mapper '%s' skips %s: the value is not a %s",
          realm.getName(), alias, mapper.getName(), config.source(), config.type().configValue());
      skipped(
          context,
          config.target().value(),
          "the value of " + config.source() + " is not a " + config.type().configValue());
      return;
    }
    UserDataProvider data = session.getProvider(UserDataProvider.class);
    SyncFingerprints fingerprints = new SyncFingerprints(data.secrets(realm).fingerprints());
    UserDataDocument document = data.read(realm, user);
    AttributeName target = config.target();
    ObjectNode status = document.get(Namespace.STATUS);
    JsonNode current = document.get(target.namespace()).get(target.key());
    Fingerprints.Verdict lastWritten =
        fingerprints.check(SyncState.recorded(status, alias, target.value()), current);
    TargetSync.Outcome outcome =
        TargetSync.decide(
            config.updatePolicy(), config.onMissing(), current, incoming, lastWritten.matches());
    if (outcome instanceof TargetSync.Keep) {
      if (lastWritten == Fingerprints.Verdict.OUTDATED) {
        // Still the value the provider wrote: record it again, keyed under the current key.
        data.patch(
            realm,
            user,
            Caller.system(),
            SyncState.patch(alias, target.value(), fingerprints.of(current)),
            null);
      }
      return;
    }
    JsonNode written =
        outcome instanceof TargetSync.Write write ? write.value() : Json.NODES.nullNode();
    try {
      ObjectNode patch = Json.object();
      patch.putObject(target.namespace().kind().prefix());
      patch(patch, target, written);
      data.patch(realm, user, Caller.idpMapper(alias), patch, null);
    } catch (InvalidUserDataException e) {
      LOG.warnf(
          "realm %s, provider %s: mapper '%s' skips %s for user %s: %s",
          realm.getName(), alias, mapper.getName(), target.value(), user.getId(), e.getMessage());
      skipped(context, target.value(), e.getMessage());
      return;
    }
    String fingerprint = written.isNull() ? null : fingerprints.of(written);
    data.patch(
        realm, user, Caller.system(), SyncState.patch(alias, target.value(), fingerprint), null);
  }

  private void skipped(BrokeredIdentityContext context, String target, String reason) {
    SkippedImportNote.record(
        session, context, SkippedImports.entry(target, mapper.getName(), reason));
  }

  /** {@code {"custom_data":{"plan":…}}} or {@code {"idp":{"google":{"sub":…}}}}. */
  private static void patch(ObjectNode patch, AttributeName target, JsonNode value) {
    Namespace namespace = target.namespace();
    ObjectNode container = (ObjectNode) patch.get(namespace.kind().prefix());
    if (namespace.alias() != null) {
      container = container.putObject(namespace.alias());
    }
    container.set(target.key(), value);
  }
}
