package io.kcuserdata.admin.branding;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * Brings the brand tab's entry in line with the realm's attributes when the console lists the
 * realm's tabs ({@code GET …/components?type=…UiTabProvider}), so the tab shows the brand the login
 * pages use, wherever it was set. It acts only on an answer Keycloak gave with 200, that is after
 * Keycloak's own check that the caller may view the realm, and answers the entries as they are
 * after the alignment.
 *
 * <p>Its priority is the default ({@code USER}); response filters run from the highest priority
 * down, so it runs before Keycloak's session-closing filter (priority 1), while the request's
 * transaction is open.
 */
@Provider
public final class BrandTabListing implements ContainerResponseFilter {

  private static final Logger LOG = Logger.getLogger(BrandTabListing.class);

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!"GET".equals(request.getMethod()) || response.getStatus() != 200) {
      return;
    }
    String path = request.getUriInfo().getPath();
    // Every answer of the server passes here: plain tests before anything else. The console asks
    // for ".../components/?type=…", with the slash.
    if (!(path.endsWith("/components") || path.endsWith("/components/"))
        || !path.contains("admin/realms/")) {
      return;
    }
    MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
    if (!BrandEntry.TAB_TYPE.equals(query.getFirst("type"))) {
      return;
    }
    KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
    RealmModel realm = session == null ? null : session.getContext().getRealm();
    String parent = query.getFirst("parent");
    if (realm == null || (parent != null && !parent.equals(realm.getId()))) {
      return;
    }
    List<ComponentRepresentation> listed = listed(response.getEntity());
    if (listed == null) {
      return;
    }
    // Read before aligning: Keycloak's list is lazy and must not see the entry change under it.
    response.setEntity(listed);
    try {
      if (BrandEntry.align(realm)) {
        response.setEntity(aligned(session, realm, listed, query));
      }
    } catch (RuntimeException e) {
      LOG.warnf(
          "realm %s: the brand tab's entry could not follow the realm attributes: %s",
          realm.getName(), e.getMessage());
    }
  }

  private static List<ComponentRepresentation> listed(Object entity) {
    List<ComponentRepresentation> listed = new ArrayList<>();
    Collection<?> items;
    if (entity instanceof Stream<?> stream) {
      try (stream) {
        items = stream.toList();
      }
    } else if (entity instanceof Collection<?> collection) {
      items = collection;
    } else {
      return null;
    }
    for (Object item : items) {
      if (!(item instanceof ComponentRepresentation component)) {
        return null;
      }
      listed.add(component);
    }
    return listed;
  }

  /** The list with the brand entries as they are now, a new one added where the query takes it. */
  private static List<ComponentRepresentation> aligned(
      KeycloakSession session,
      RealmModel realm,
      List<ComponentRepresentation> listed,
      MultivaluedMap<String, String> query) {
    List<ComponentRepresentation> result = new ArrayList<>();
    for (ComponentRepresentation item : listed) {
      if (BrandTab.ID.equals(item.getProviderId())) {
        ComponentModel now = realm.getComponent(item.getId());
        result.add(
            now == null ? item : ModelToRepresentation.toRepresentation(session, now, false));
      } else {
        result.add(item);
      }
    }
    realm
        .getComponentsStream(realm.getId(), BrandEntry.TAB_TYPE)
        .filter(entry -> BrandTab.ID.equals(entry.getProviderId()))
        .filter(entry -> result.stream().noneMatch(item -> entry.getId().equals(item.getId())))
        .filter(entry -> matches(query.getFirst("name"), entry.getName()))
        .filter(entry -> matches(query.getFirst("providerId"), entry.getProviderId()))
        .forEach(
            entry -> result.add(ModelToRepresentation.toRepresentation(session, entry, false)));
    return result;
  }

  private static boolean matches(String wanted, String actual) {
    return wanted == null || wanted.equals(actual);
  }
}
