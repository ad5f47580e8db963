package io.kcuserdata.admin.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.spi.UserDataProvider;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * A bulk export written while it is read: each page of users is read in its own short transaction
 * with the database directly (not through the user cache, which an export would flush), written,
 * flushed, and dropped. Memory stays at one page whatever the realm's size.
 */
final class UserExport implements StreamingOutput {

  static final int PAGE_SIZE = 200;
  private static final int PROGRESS_EVERY = 10_000;
  private static final Logger LOG = Logger.getLogger(UserExport.class);

  private final KeycloakSessionFactory factory;
  private final String realmId;
  private final String realmName;
  private final ExportQuery query;
  private final ExportFormat format;
  private final FieldSelection fields;
  private final ExportViewer viewer;
  private final Collection<String> dataColumns;
  private final CsvFormulas formulas;

  UserExport(
      KeycloakSessionFactory factory,
      RealmModel realm,
      ExportQuery query,
      ExportFormat format,
      FieldSelection fields,
      ExportViewer viewer,
      Collection<String> dataColumns,
      CsvFormulas formulas) {
    this.factory = factory;
    this.realmId = realm.getId();
    this.realmName = realm.getName();
    this.query = query;
    this.format = format;
    this.fields = fields;
    this.viewer = viewer;
    this.dataColumns = dataColumns;
    this.formulas = formulas;
  }

  private record Page(List<ObjectNode> records, String lastId, int scanned) {}

  @Override
  public void write(OutputStream output) throws IOException {
    Writer text = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 65536);
    RecordWriter out =
        format == ExportFormat.CSV
            ? new CsvWriter(text, dataColumns, fields, formulas)
            : new NdjsonWriter(text, fields);
    String cursor = query.after();
    long written = 0;
    long started = System.nanoTime();
    while (true) {
      int size = query.max() == 0 ? PAGE_SIZE : (int) Math.min(PAGE_SIZE, query.max() - written);
      String after = cursor;
      Page page =
          KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> read(s, after, size));
      for (ObjectNode record : page.records()) {
        out.write(record);
      }
      out.flush();
      long before = written;
      written += page.records().size();
      if (written / PROGRESS_EVERY > before / PROGRESS_EVERY) {
        LOG.infof(
            "user export of realm %s: %d users written in %d s",
            realmName, written, (System.nanoTime() - started) / 1_000_000_000L);
      }
      cursor = page.lastId();
      if (page.scanned() < size || (query.max() != 0 && written >= query.max())) {
        break;
      }
    }
    out.flush();
    LOG.debugf("user export of realm %s finished: %d users", realmName, written);
  }

  private boolean canView(KeycloakSession session, RealmModel realm, String id) {
    // The database's provider, not session.users(): an export would flush the user cache.
    UserModel user = session.getProvider(UserProvider.class).getUserById(realm, id);
    return user != null && viewer.canView(session, realm, user);
  }

  private Page read(KeycloakSession session, String after, int size) {
    RealmModel realm = session.realms().getRealm(realmId);
    if (realm == null) {
      return new Page(List.of(), after, 0);
    }
    session.getContext().setRealm(realm);
    EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    List<String> ids = UserPages.next(em, realmId, query, after, size);
    UserDataProvider data = session.getProvider(UserDataProvider.class);
    List<ObjectNode> records = new ArrayList<>(ids.size());
    for (UserFacts facts : new UserBatch(session, realm, em).load(ids)) {
      if (viewer.everyone() || canView(session, realm, facts.id())) {
        records.add(RecordBuilder.build(facts, Caller.admin(), data));
      }
    }
    return new Page(records, ids.isEmpty() ? after : ids.get(ids.size() - 1), ids.size());
  }
}
