package io.kcuserdata.admin.branding;

import java.util.List;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

/**
 * A "userdata" tab in the admin console's realm settings (feature {@code declarative-ui}): the
 * colour and logo of the {@code userdata} login theme. Saving writes the realm attributes the theme
 * reads, so realm JSON and this tab set the same thing; the tab shows those attributes, however
 * they were set ({@link BrandEntry}).
 */
public final class BrandTab implements UiTabProviderFactory<ComponentModel> {

  public static final String ID = "userdata";

  /**
   * The form's keys. Not the attribute names: the console reads a dotted key as a nested path and
   * would save nothing.
   */
  static final Map<String, String> ATTRIBUTES =
      Map.of("primaryColor", Brand.PRIMARY_COLOR, "logoUrl", Brand.LOGO_URL);

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public String getHelpText() {
    return "The userdata login theme's colour and logo for this realm (kc-userdata).";
  }

  @Override
  public String getPath() {
    return "/:realm/realm-settings/:tab?";
  }

  @Override
  public Map<String, String> getParams() {
    return Map.of("tab", "userdata");
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return ProviderConfigurationBuilder.create()
        .property()
        .name("primaryColor")
        .label("Primary colour")
        .helpText("Buttons, links and focus rings of the userdata login theme, as #rrggbb.")
        .type(ProviderConfigProperty.STRING_TYPE)
        .add()
        .property()
        .name("logoUrl")
        .label("Logo URL")
        .helpText("An https:// image shown above the realm's name on the login pages.")
        .type(ProviderConfigProperty.STRING_TYPE)
        .add()
        .build();
  }

  /**
   * Refuses a new value that does not match its pattern. The value the realm holds already passes,
   * even when the theme ignores it: the tab shows it (see {@link BrandEntry}), and saving the other
   * field must not fail on it.
   */
  @Override
  public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
      throws ComponentValidationException {
    for (Map.Entry<String, String> field : ATTRIBUTES.entrySet()) {
      String value = model.get(field.getKey());
      String problem = Brand.problem(field.getValue(), value);
      if (problem != null && !Brand.same(value, realm.getAttribute(field.getValue()))) {
        throw new ComponentValidationException(problem);
      }
    }
  }

  @Override
  public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
    apply(realm, model);
  }

  @Override
  public void onUpdate(
      KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
    apply(realm, newModel);
  }

  @Override
  public void preRemove(KeycloakSession session, RealmModel realm, ComponentModel model) {
    realm.removeAttribute(Brand.PRIMARY_COLOR);
    realm.removeAttribute(Brand.LOGO_URL);
  }

  private static void apply(RealmModel realm, ComponentModel model) {
    ATTRIBUTES.forEach(
        (field, attribute) -> {
          String value = model.get(field);
          if (value == null || value.isBlank()) {
            realm.removeAttribute(attribute);
          } else {
            realm.setAttribute(attribute, value.strip());
          }
        });
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}
}
