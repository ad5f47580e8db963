package io.kcuserdata.mappers.claims;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.document.UserDataDocument;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.spi.UserDataProvider;
import io.kcuserdata.core.token.TokenClaims;
import io.kcuserdata.core.token.TokenOrganization;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/** {@code userdata-namespace-claim-mapper}: one namespace of the user's data as one claim. */
public final class NamespaceClaimMapper extends AbstractOIDCProtocolMapper
    implements OIDCAccessTokenMapper,
        OIDCIDTokenMapper,
        UserInfoTokenMapper,
        TokenIntrospectionTokenMapper {

  public static final String PROVIDER_ID = "userdata-namespace-claim-mapper";

  private static final Logger LOG = Logger.getLogger(NamespaceClaimMapper.class);
  private static final List<ProviderConfigProperty> PROPERTIES = NamespaceClaimProperties.create();

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public String getDisplayType() {
    return "User data namespace";
  }

  @Override
  public String getDisplayCategory() {
    return TOKEN_MAPPER_CATEGORY;
  }

  @Override
  public String getHelpText() {
    return "Adds one namespace of the user's data (profile, user_metadata, custom_data,"
        + " app_metadata, idp.<alias>, org.<alias>, or the token's organization) as one JSON"
        + " object claim, with every key or the keys you choose, values keeping their JSON types.";
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return PROPERTIES;
  }

  @Override
  public void validateConfig(
      KeycloakSession session,
      RealmModel realm,
      ProtocolMapperContainerModel client,
      ProtocolMapperModel mapperModel)
      throws ProtocolMapperConfigException {
    ClaimMapperConfig.parse(mapperModel.getConfig());
  }

  @Override
  protected void setClaim(
      IDToken token,
      ProtocolMapperModel model,
      UserSessionModel userSession,
      KeycloakSession session,
      ClientSessionContext clientSessionCtx) {
    ClaimMapperConfig config;
    try {
      config = ClaimMapperConfig.parse(model.getConfig());
    } catch (ProtocolMapperConfigException e) {
      // A realm import skips validateConfig; a bad mapper must cost its claim, not the login.
      LOG.warnf("Mapper '%s' adds no claim: %s", model.getName(), e.getMessage());
      return;
    }
    UserModel user = userSession.getUser();
    Optional<Namespace> namespace = namespace(config.target(), session, user, clientSessionCtx);
    if (user == null || namespace.isEmpty()) {
      return;
    }
    UserDataDocument data =
        session.getProvider(UserDataProvider.class).read(session.getContext().getRealm(), user);
    ObjectNode content = data.has(namespace.get()) ? data.get(namespace.get()) : null;
    Optional<Map<String, Object>> claim = ClaimContent.select(content, config.keys());
    if (claim.isEmpty()) {
      return;
    }
    if (!TokenClaims.fits(token.getOtherClaims(), config.claimName())) {
      LOG.warnf(
          "Mapper '%s' adds no claim: another claim already holds a value on the path of '%s'",
          model.getName(), config.claimName());
      return;
    }
    OIDCAttributeMapperHelper.mapClaim(
        token, TokenClaims.forMapClaim(model, config.claimName()), claim.get());
  }

  private static Optional<Namespace> namespace(
      NamespaceTarget target,
      KeycloakSession session,
      UserModel user,
      ClientSessionContext clientSessionCtx) {
    if (target instanceof NamespaceTarget.Named named) {
      return Optional.of(named.namespace());
    }
    return TokenOrganization.of(session, user, clientSessionCtx)
        .map(OrganizationModel::getAlias)
        // Keycloak allows aliases the pack cannot store data under; such an organization has none.
        .filter(alias -> Namespace.ALIAS.matcher(alias).matches())
        .map(Namespace::org);
  }
}
