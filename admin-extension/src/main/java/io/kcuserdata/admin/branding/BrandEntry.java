package io.kcuserdata.admin.branding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiTabProvider;

/**
 * The tab's entry: the component the admin console stores a declarative tab in, and the only place
 * it fills the tab's form from. The realm attributes the theme reads are the brand, and realm JSON,
 * the realm API and realm imports set them without knowing of any entry: so the entry is brought in
 * line with the attributes before the console reads it, and saving the entry sets the attributes.
 */
final class BrandEntry {

  /** The provider type the console lists tabs by. */
  static final String TAB_TYPE = UiTabProvider.class.getName();

  private BrandEntry() {}

  /** The tab's fields for the realm's attributes: the brand values set, trimmed, by field. */
  static Map<String, String> fieldsOf(Function<String, String> realmAttribute) {
    Map<String, String> fields = new LinkedHashMap<>();
    BrandTab.ATTRIBUTES.forEach(
        (field, attribute) -> {
          String value = Brand.trimmed(realmAttribute.apply(attribute));
          if (value != null) {
            fields.put(field, value);
          }
        });
    return fields;
  }

  /** Whether an entry's config shows exactly {@code fields} (other config keys do not count). */
  static boolean shows(Map<String, List<String>> config, Map<String, String> fields) {
    for (String field : BrandTab.ATTRIBUTES.keySet()) {
      List<String> values = config.get(field);
      String shown = values == null || values.isEmpty() ? null : Brand.trimmed(values.get(0));
      if (!Objects.equals(shown, fields.get(field))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Makes every entry of {@code realm} show its attributes, and makes one when the realm has a
   * brand but no entry. A realm without a brand and without an entry gets none.
   *
   * @return whether an entry was made or changed
   */
  static boolean align(RealmModel realm) {
    Map<String, String> fields = fieldsOf(realm::getAttribute);
    List<ComponentModel> entries =
        realm
            .getComponentsStream(realm.getId(), TAB_TYPE)
            .filter(entry -> BrandTab.ID.equals(entry.getProviderId()))
            .toList();
    if (entries.isEmpty()) {
      if (fields.isEmpty()) {
        return false;
      }
      ComponentModel entry = new ComponentModel();
      entry.setName(BrandTab.ID);
      entry.setProviderId(BrandTab.ID);
      entry.setProviderType(TAB_TYPE);
      entry.setParentId(realm.getId());
      fields.forEach(entry::put);
      realm.addComponentModel(entry);
      return true;
    }
    boolean changed = false;
    for (ComponentModel entry : entries) {
      if (!shows(entry.getConfig(), fields)) {
        ComponentModel next = new ComponentModel(entry);
        for (String field : BrandTab.ATTRIBUTES.keySet()) {
          next.getConfig().remove(field);
          if (fields.containsKey(field)) {
            next.put(field, fields.get(field));
          }
        }
        realm.updateComponent(next);
        changed = true;
      }
    }
    return changed;
  }
}
