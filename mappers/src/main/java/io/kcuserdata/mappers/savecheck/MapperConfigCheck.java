package io.kcuserdata.mappers.savecheck;

import io.kcuserdata.mappers.email.EmailVerificationConfig;
import io.kcuserdata.mappers.email.EmailVerificationIdpMapper;
import io.kcuserdata.mappers.email.InvalidMapperConfigException;
import io.kcuserdata.mappers.idp.AttributeIdpMapper;
import io.kcuserdata.mappers.idp.MapperConfig;
import java.util.Map;
import java.util.Optional;

/**
 * The save-time verdict on an identity-provider mapper of the pack: the reason it cannot run, or
 * nothing. Mappers of other types are not this check's business.
 */
public final class MapperConfigCheck {

  private MapperConfigCheck() {}

  /**
   * @param mapperType the representation's {@code identityProviderMapper}
   * @param alias the identity provider the mapper belongs to
   */
  public static Optional<String> problem(
      String mapperType, String alias, Map<String, String> config) {
    Map<String, String> values = config == null ? Map.of() : config;
    if (AttributeIdpMapper.PROVIDER_ID.equals(mapperType)) {
      try {
        MapperConfig.parse(values, alias);
        return Optional.empty();
      } catch (MapperConfig.Invalid e) {
        return Optional.of(e.getMessage());
      }
    }
    if (EmailVerificationIdpMapper.PROVIDER_ID.equals(mapperType)) {
      try {
        EmailVerificationConfig.parse(values);
        return Optional.empty();
      } catch (InvalidMapperConfigException e) {
        return Optional.of(e.getMessage());
      }
    }
    return Optional.empty();
  }
}
