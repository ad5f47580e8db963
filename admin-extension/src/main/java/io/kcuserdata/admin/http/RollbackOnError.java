package io.kcuserdata.admin.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * Rolls back the request's transaction when an endpoint of the pack answers an error. The pack
 * throws its errors ({@link ApiError}) with their response, which JAX-RS sends as is, without
 * Keycloak's error handler and the rollback that handler does: what an endpoint wrote before it
 * refused (a member created, then refused for their organization data; a name changed, then the
 * data refused) would otherwise be committed with the refusal.
 */
@Provider
public final class RollbackOnError implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() < 400 || !PackPaths.isPack(request.getUriInfo().getPath())) {
      return;
    }
    KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
    if (session == null) {
      return;
    }
    KeycloakTransactionManager transaction = session.getTransactionManager();
    if (transaction.isActive()) {
      transaction.setRollbackOnly();
    }
  }
}
