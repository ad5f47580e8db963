package io.kcuserdata.core.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.document.UserDataDocument;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.schema.SchemaCheck;
import io.kcuserdata.core.service.UserDataService.WriteResult;
import io.kcuserdata.core.storage.UserAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The user-data model for one Keycloak session (one request, one job): each user's attributes are
 * decoded once and the document kept until a write through this session replaces it. Writes always
 * start from the attributes they are handed, never from the kept copy: a writer holding the user's
 * row lock must see what the writer before it committed.
 */
public final class UserDataSession {

  /**
   * One user: a key naming it in this session ({@code null} for a user that is not stored, such as
   * the profile under review in a first broker login, which is never kept), its attributes, and the
   * organizations it belongs to (asked only by writes).
   */
  public record Subject(String key, UserAttributes attributes, Supplier<Set<String>> memberOf) {}

  private final UserDataService service;
  private final Map<String, UserDataDocument> decoded = new HashMap<>();

  public UserDataSession(UserDataService service) {
    this.service = service;
  }

  public UserDataDocument read(Subject user) {
    if (user.key() == null) {
      return service.read(user.attributes());
    }
    return decoded.computeIfAbsent(user.key(), key -> service.read(user.attributes()));
  }

  public WriteResult patch(
      Subject user, Caller caller, JsonNode patch, String ifMatch, SchemaCheck schemas) {
    return kept(
        user,
        service.patch(caller, user.attributes(), user.memberOf().get(), patch, ifMatch, schemas));
  }

  public WriteResult replace(
      Subject user,
      Caller caller,
      Namespace namespace,
      JsonNode content,
      String ifMatch,
      SchemaCheck schemas) {
    return kept(
        user,
        service.replace(
            caller,
            user.attributes(),
            user.memberOf().get(),
            namespace,
            content,
            ifMatch,
            schemas));
  }

  /** Refuses {@code patch} as {@link #patch} would, writing nothing. */
  public void check(Subject user, Caller caller, JsonNode patch, SchemaCheck schemas) {
    service.check(caller, service.read(user.attributes()), user.memberOf().get(), patch, schemas);
  }

  /** Drops the kept document of {@code key}: its attributes changed some other way. */
  public void forget(String key) {
    decoded.remove(key);
  }

  private WriteResult kept(Subject user, WriteResult result) {
    if (user.key() != null) {
      decoded.put(user.key(), result.document());
    }
    return result;
  }
}
