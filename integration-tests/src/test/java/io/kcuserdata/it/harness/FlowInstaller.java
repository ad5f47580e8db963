package io.kcuserdata.it.harness;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.representations.idm.AbstractAuthenticationExecutionRepresentation;
import org.keycloak.representations.idm.AuthenticationExecutionExportRepresentation;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * Builds the authentication flows of a realm-JSON document in an existing realm through the admin
 * API, step by step as an admin would in the console (a realm import with flows replaces Keycloak's
 * built-in ones, and partial import carries no flows).
 */
public final class FlowInstaller {

  private final AuthenticationManagementResource api;
  private final Map<String, AuthenticationFlowRepresentation> flows;
  private final Map<String, AuthenticatorConfigRepresentation> configs;

  private FlowInstaller(AuthenticationManagementResource api, RealmRepresentation document) {
    this.api = api;
    this.flows =
        document.getAuthenticationFlows().stream()
            .collect(
                Collectors.toMap(AuthenticationFlowRepresentation::getAlias, Function.identity()));
    this.configs =
        document.getAuthenticatorConfig() == null
            ? Map.of()
            : document.getAuthenticatorConfig().stream()
                .collect(
                    Collectors.toMap(
                        AuthenticatorConfigRepresentation::getAlias, Function.identity()));
  }

  /** Creates every top-level flow of {@code document} in {@code realm}. */
  public static void install(TestRealm realm, RealmRepresentation document) {
    FlowInstaller installer = new FlowInstaller(realm.admin().flows(), document);
    for (AuthenticationFlowRepresentation flow : document.getAuthenticationFlows()) {
      if (flow.isTopLevel()) {
        AuthenticationFlowRepresentation top = new AuthenticationFlowRepresentation();
        top.setAlias(flow.getAlias());
        top.setDescription(flow.getDescription());
        top.setProviderId(flow.getProviderId());
        top.setTopLevel(true);
        top.setBuiltIn(false);
        installer.api.createFlow(top).close();
        installer.addExecutions(flow);
      }
    }
  }

  private void addExecutions(AuthenticationFlowRepresentation flow) {
    List<AuthenticationExecutionExportRepresentation> executions =
        flow.getAuthenticationExecutions().stream()
            .sorted(
                Comparator.comparingInt(AbstractAuthenticationExecutionRepresentation::getPriority))
            .toList();
    for (AuthenticationExecutionExportRepresentation execution : executions) {
      AuthenticationFlowRepresentation sub = null;
      if (execution.isAuthenticatorFlow()) {
        sub = flows.get(execution.getFlowAlias());
        api.addExecutionFlow(
            flow.getAlias(),
            Map.of(
                "alias",
                sub.getAlias(),
                "type",
                sub.getProviderId(),
                "provider",
                "registration-page-form",
                "description",
                sub.getDescription() == null ? "" : sub.getDescription()));
      } else {
        api.addExecution(flow.getAlias(), Map.of("provider", execution.getAuthenticator()));
      }
      AuthenticationExecutionInfoRepresentation added = lastDirectChild(flow.getAlias());
      added.setRequirement(execution.getRequirement());
      api.updateExecutions(flow.getAlias(), added);
      if (execution.getAuthenticatorConfig() != null) {
        AuthenticatorConfigRepresentation config = new AuthenticatorConfigRepresentation();
        config.setAlias(execution.getAuthenticatorConfig());
        config.setConfig(configs.get(execution.getAuthenticatorConfig()).getConfig());
        api.newExecutionConfig(added.getId(), config).close();
      }
      if (sub != null) {
        addExecutions(sub);
      }
    }
  }

  private AuthenticationExecutionInfoRepresentation lastDirectChild(String flowAlias) {
    List<AuthenticationExecutionInfoRepresentation> direct =
        api.getExecutions(flowAlias).stream().filter(e -> e.getLevel() == 0).toList();
    return direct.get(direct.size() - 1);
  }
}
