package io.kcuserdata.claims.mapper;

import static io.kcuserdata.claims.config.ExternalClaimsConfig.*;

import java.util.List;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The form an admin fills in for a {@code userdata-external-claims-mapper}. */
final class ExternalClaimsProperties {

  private ExternalClaimsProperties() {}

  static List<ProviderConfigProperty> create() {
    List<ProviderConfigProperty> properties =
        ProviderConfigurationBuilder.create()
            .property()
            .name(URL)
            .label("Claims API URL")
            .type(ProviderConfigProperty.STRING_TYPE)
            .required(true)
            .helpText(
                "http(s) URL the mapper POSTs the token context to (JSON). Private, loopback,"
                    + " link-local and cloud-metadata addresses are refused unless the operator"
                    + " allowed them with the SPI option"
                    + " spi-userdata--default--claims-outbound-allow-list (or the shared"
                    + " spi-userdata--default--outbound-allow-list). Redirects are not followed.")
            .add()
            .property()
            .name(AUTH_TYPE)
            .label("Authentication")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options("none", "hmac", "bearer", "client-credentials")
            .defaultValue("none")
            .helpText(
                "none; hmac: the body signed as a Standard Webhooks message (webhook-id,"
                    + " webhook-timestamp, webhook-signature) with the whsec_ secret below;"
                    + " bearer: Authorization: Bearer <secret>; client-credentials: an access token"
                    + " from the token endpoint below, with this client id and the secret.")
            .add()
            .property()
            .name(AUTH_SECRET)
            .label("Secret")
            .type(ProviderConfigProperty.PASSWORD)
            .secret(true)
            .helpText(
                "The HMAC secret (whsec_…), bearer token or client secret, or a vault reference"
                    + " such as ${vault.claims-api}. A secret typed in is stored sealed and shown"
                    + " only so; it stays with this realm, URL, token endpoint and authentication"
                    + " type: enter it again when changing those.")
            .add()
            .property()
            .name(AUTH_TOKEN_URL)
            .label("Token endpoint (client-credentials)")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Token endpoint of the API's authorization server.")
            .add()
            .property()
            .name(AUTH_CLIENT_ID)
            .label("Client id (client-credentials)")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Client id sent with the secret (HTTP Basic) to the token endpoint.")
            .add()
            .property()
            .name(AUTH_SCOPE)
            .label("Scope (client-credentials)")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Scope to ask the token endpoint for; empty asks for none.")
            .add()
            .property()
            .name(TIMEOUT_MS)
            .label("Timeout (ms)")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(DEFAULT_TIMEOUT_MS)
            .helpText(
                "Longest a token request waits for the API, connect, token fetch and reading"
                    + " included (10 to 10000).")
            .add()
            .property()
            .name(CACHE_TTL_SECONDS)
            .label("Cache TTL (s)")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(DEFAULT_CACHE_TTL_SECONDS)
            .helpText(
                "How long an answer is reused for a call that would send the same request (the"
                    + " same user and user data, client, scopes, organization, audience and token"
                    + " family; 0 to 86400; 0 calls once per token request).")
            .add()
            .property()
            .name(FAILURE_POLICY)
            .label("Failure policy")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options("omit", "stale", "deny")
            .defaultValue("omit")
            .helpText(
                "When the API fails, is too slow or the breaker is open: omit issues the token"
                    + " without these claims; stale uses the last good answer (up to 24 h old),"
                    + " else omits; deny fails the token request (temporarily_unavailable).")
            .add()
            .property()
            .name(BREAKER_FAILURE_THRESHOLD)
            .label("Breaker failure threshold")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(DEFAULT_BREAKER_FAILURE_THRESHOLD)
            .helpText("Consecutive failed calls that open the circuit breaker (1 to 1000).")
            .add()
            .property()
            .name(BREAKER_OPEN_SECONDS)
            .label("Breaker open (s)")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(DEFAULT_BREAKER_OPEN_SECONDS)
            .helpText("How long an open breaker refuses calls before one trial call (1 to 3600).")
            .add()
            .property()
            .name(CLAIM_NAME)
            .label("Token claim name")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText(
                "Claim that holds the answer; dots nest (acme.data), a backslash escapes a dot."
                    + " Empty merges the answer's members into the token's top level. Reserved"
                    + " claims (iss, sub, aud, exp, scope, azp, realm_access, …) are never"
                    + " overwritten.")
            .add()
            .property()
            .name(RESPONSE_PATH)
            .label("Response path")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText(
                "Part of the answer holding the claims, e.g. data.claims (a.b[0].c; \\. for a"
                    + " literal dot). Empty: the whole answer.")
            .add()
            .property()
            .name(MAX_RESPONSE_BYTES)
            .label("Max response bytes")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(DEFAULT_MAX_RESPONSE_BYTES)
            .helpText("Larger answers are refused as they are read (64 to 1048576).")
            .add()
            .property()
            .name(CONTEXT_NAMESPACES)
            .label("User data sent")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText(
                "Comma-separated namespaces of the user's data sent to the API, e.g."
                    + " custom_data,org.acme. app_metadata is sent only when listed.")
            .add()
            .build();
    OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, ExternalClaimsMapper.class);
    return List.copyOf(properties);
  }
}
