package io.kcuserdata.core.spi;

import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.document.UserDataDocument;
import io.kcuserdata.core.service.Change;
import java.util.List;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * One write of a user's data that changed something, as {@link UserDataWriteListener}s see it:
 * inside the writer's transaction, after the attributes were written.
 *
 * @param caller who wrote: the access table's actor and scope
 * @param before the whole document before the write
 * @param after the whole document after it
 * @param changes the namespaces and top-level keys that changed, never empty
 */
public record UserDataWrite(
    RealmModel realm,
    UserModel user,
    Caller caller,
    UserDataDocument before,
    UserDataDocument after,
    List<Change> changes) {

  public UserDataWrite {
    changes = List.copyOf(changes);
  }
}
