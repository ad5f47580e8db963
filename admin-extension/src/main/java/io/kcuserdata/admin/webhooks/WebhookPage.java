package io.kcuserdata.admin.webhooks;

import io.kcuserdata.core.signing.WebhookSecret;
import io.kcuserdata.events.webhooks.Webhooks;
import io.kcuserdata.events.webhooks.endpoint.EndpointStore;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiPageProviderFactory;

/**
 * The admin console's "userdata-webhooks" page (feature {@code declarative-ui}): the realm's
 * webhook endpoints as a list and a form. Each entry is a component whose id is the endpoint's;
 * saving it creates or changes the endpoint, deleting it deletes the endpoint. A secret typed in
 * the form is moved into the endpoint's sealed storage and never stays in the component.
 */
public final class WebhookPage implements UiPageProviderFactory<ComponentModel> {

  public static final String ID = "userdata-webhooks";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public String getHelpText() {
    return "Webhook endpoints of this realm (kc-userdata): each receives the events it subscribes"
        + " to, signed per Standard Webhooks. Delivery logs, test pings and retries are in the"
        + " admin API under /admin/realms/{realm}/user-data/webhooks.";
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return ProviderConfigurationBuilder.create()
        .property()
        .name(WebhookComponents.URL)
        .label("URL")
        .helpText(
            "The receiver's http(s) URL. Internal addresses are refused unless the operator"
                + " allows them (--spi-userdata--default--webhooks-outbound-allow-list, or the"
                + " shared --spi-userdata--default--outbound-allow-list).")
        .type(ProviderConfigProperty.STRING_TYPE)
        .required(true)
        .add()
        .property()
        .name(WebhookComponents.EVENTS)
        .label("Events")
        .helpText("Event types or patterns, e.g. user.created, user.*, or * for every event.")
        .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
        .required(true)
        .add()
        .property()
        .name(WebhookComponents.ENABLED)
        .label("Enabled")
        .helpText(
            "Off: nothing is queued for this endpoint. A receiver answering 410 turns it off.")
        .type(ProviderConfigProperty.BOOLEAN_TYPE)
        .defaultValue("true")
        .add()
        .property()
        .name(WebhookComponents.DESCRIPTION)
        .label("Description")
        .helpText("What this endpoint is for (at most 255 characters).")
        .type(ProviderConfigProperty.STRING_TYPE)
        .add()
        .property()
        .name(WebhookComponents.INCLUDE_APP_METADATA)
        .label("Include app_metadata")
        .helpText(
            "Whether payloads carry the user's app_metadata namespace. Turning it on, and any"
                + " change to an endpoint that has it, needs the view-users permission as well.")
        .type(ProviderConfigProperty.BOOLEAN_TYPE)
        .defaultValue("false")
        .add()
        .property()
        .name(WebhookComponents.SECRET)
        .label("Signing secret")
        .helpText(
            "Optional: a secret you generated, whsec_ followed by 24 to 64 bytes in base64"
                + " (e.g. echo whsec_$(openssl rand -base64 32)). Empty: the pack generates one, which"
                + " the admin API's rotate-secret shows once. A secret typed here replaces the current"
                + " one (the old one keeps signing during the rotation overlap) and is never stored"
                + " in the console's configuration.")
        .type(ProviderConfigProperty.PASSWORD)
        .secret(true)
        .add()
        .build();
  }

  @Override
  public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
      throws ComponentValidationException {
    if (Webhooks.of(session) == null) {
      throw new ComponentValidationException(
          "the userdata-webhooks event listener is not installed");
    }
    EndpointRequest request = WebhookComponents.request(session, model);
    WebhookComponents.typedSecret(model);
    ComponentCaller.permissions(session, realm)
        .ifPresent(
            permissions ->
                WebhookComponents.authorize(session, realm, model, request, permissions));
  }

  @Override
  public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
    EndpointStore store = WebhookComponents.store(session);
    if (store.get(realm.getId(), model.getId()).isPresent()) {
      return; // the admin API made the endpoint and this entry mirrors it
    }
    EndpointRequest request = WebhookComponents.request(session, model);
    WebhookSecret typed = WebhookComponents.typedSecret(model);
    store.create(
        model.getId(),
        realm.getId(),
        request.url(),
        request.events(),
        request.enabled(),
        request.description(),
        request.includeAppMetadata(),
        typed == null ? WebhookSecret.generate() : typed);
    Webhooks.of(session).changed(realm.getId());
    forgetSecret(realm, model);
  }

  @Override
  public void onUpdate(
      KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
    EndpointStore store = WebhookComponents.store(session);
    if (store.get(realm.getId(), newModel.getId()).isEmpty()) {
      onCreate(session, realm, newModel);
      return;
    }
    EndpointRequest request = WebhookComponents.request(session, newModel);
    store.update(
        realm.getId(),
        newModel.getId(),
        request.url(),
        request.events(),
        request.enabled(),
        request.description(),
        request.includeAppMetadata());
    WebhookSecret typed = WebhookComponents.typedSecret(newModel);
    if (typed != null) {
      Webhooks webhooks = Webhooks.of(session);
      store.rotate(realm.getId(), newModel.getId(), webhooks.rotationOverlap(), typed);
    }
    Webhooks.of(session).changed(realm.getId());
    forgetSecret(realm, newModel);
  }

  @Override
  public void preRemove(KeycloakSession session, RealmModel realm, ComponentModel model) {
    if (Webhooks.of(session) != null
        && WebhookComponents.store(session).delete(realm.getId(), model.getId())) {
      Webhooks.of(session).changed(realm.getId());
    }
  }

  /** The secret lives sealed with the endpoint; the component keeps no copy. */
  private static void forgetSecret(RealmModel realm, ComponentModel model) {
    if (model.getConfig().containsKey(WebhookComponents.SECRET)) {
      model.getConfig().remove(WebhookComponents.SECRET);
      realm.updateComponent(model);
    }
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}
}
