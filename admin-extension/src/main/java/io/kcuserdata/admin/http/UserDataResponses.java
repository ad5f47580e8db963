package io.kcuserdata.admin.http;

import io.kcuserdata.core.error.InvalidUserDataException;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.schema.SchemaViolationException;
import io.kcuserdata.core.service.PreconditionFailedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.keycloak.models.ModelException;

/** Turns what the user-data service answers or throws into the pack's HTTP answers. */
public final class UserDataResponses {

  private UserDataResponses() {}

  public static Response json(Object body, String etag) {
    Response.ResponseBuilder ok =
        Response.ok(body instanceof String s ? s : Json.compact(Json.MAPPER.valueToTree(body)))
            .type(MediaType.APPLICATION_JSON_TYPE)
            .header("Cache-Control", "no-store");
    return (etag == null ? ok : ok.header("ETag", etag)).build();
  }

  /** Runs a read or write, answering the model's refusals as 400 and stale versions as 412. */
  public static Response guarded(Supplier<Response> action) {
    try {
      return action.get();
    } catch (SchemaViolationException e) {
      throw ApiError.schemaViolation(e);
    } catch (InvalidUserDataException e) {
      throw ApiError.invalidUserData(e.getMessage());
    } catch (PreconditionFailedException e) {
      throw ApiError.preconditionFailed(
          e.getMessage() + "; read it again (current ETag " + e.currentEtag() + ")");
    } catch (ModelException e) {
      // A read-only user store refuses the write; the user's data is unchanged.
      throw ApiError.invalidUserData("the user's store refused the change: " + e.getMessage());
    }
  }
}
