package io.kcuserdata.events.status.store;

import io.kcuserdata.events.tables.PackTables;
import java.util.List;

/** Adds the table of logins waiting to be counted to Keycloak's database. */
public final class StatusEntities extends PackTables {

  public static final String ID = "userdata-account-status";

  public StatusEntities() {
    super(ID, "META-INF/userdata-account-status-changelog.xml", List.of(LoginRecordEntity.class));
  }
}
