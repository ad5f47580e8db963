package io.kcuserdata.admin.delegation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;

/**
 * Who administers an organization's members: user ids kept in the organization's attribute {@value
 * #ATTRIBUTE}, so a realm admin sees them on the organization's page in the admin console and they
 * go wherever the organization goes (export, import, deletion).
 */
public final class DelegatedAdmins {

  public static final String ATTRIBUTE = "kc-userdata.delegated-admins";

  private DelegatedAdmins() {}

  public static Set<String> of(OrganizationModel organization) {
    List<String> ids = organization.getAttributes().get(ATTRIBUTE);
    return ids == null ? Set.of() : new LinkedHashSet<>(ids);
  }

  public static boolean administers(OrganizationModel organization, UserModel user) {
    return of(organization).contains(user.getId());
  }

  /** Whether the set changed. */
  public static boolean add(OrganizationModel organization, String userId) {
    Set<String> ids = new LinkedHashSet<>(of(organization));
    return ids.add(userId) && store(organization, ids);
  }

  /** Whether the set changed. */
  public static boolean remove(OrganizationModel organization, String userId) {
    Set<String> ids = new LinkedHashSet<>(of(organization));
    return ids.remove(userId) && store(organization, ids);
  }

  private static boolean store(OrganizationModel organization, Set<String> ids) {
    Map<String, List<String>> attributes = new HashMap<>(organization.getAttributes());
    if (ids.isEmpty()) {
      attributes.remove(ATTRIBUTE);
    } else {
      attributes.put(ATTRIBUTE, new ArrayList<>(ids));
    }
    organization.setAttributes(attributes);
    return true;
  }
}
