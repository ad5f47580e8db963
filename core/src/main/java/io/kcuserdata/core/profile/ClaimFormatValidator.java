package io.kcuserdata.core.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.AttributeName;
import io.kcuserdata.core.namespace.NamespaceKind;
import io.kcuserdata.core.validation.ClaimFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ConfiguredProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.validate.SimpleValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidationResult;
import org.keycloak.validate.ValidatorConfig;
import org.keycloak.validate.validators.ValidatorConfigValidator;

/**
 * The claim formats of {@code profile} ({@link ClaimFormat}) on Keycloak's own paths: the pack's
 * user profile runs it for {@code profile.website}, {@code profile.birthdate} and the others
 * wherever Keycloak validates attributes (Account API and console, update-profile, registration,
 * the first-broker-login review form). The pack's API checks the same {@link ClaimFormat} in its
 * namespace rules. Realm admins may also add it to an attribute of their own with a {@code format}.
 *
 * <p>A value the user already has is not refused again: a stored value from before the rule must
 * not stop the user from saving the rest of the form.
 */
public final class ClaimFormatValidator implements SimpleValidator, ConfiguredProvider {

  public static final String ID = "userdata-claim-format";
  static final String FORMAT = "format";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public ValidationContext validate(
      Object input, String inputHint, ValidationContext context, ValidatorConfig config) {
    Optional<ClaimFormat> format = format(inputHint, config);
    List<String> values = values(input);
    if (format.isEmpty() || values.isEmpty()) {
      return context; // an empty value is "not given": required is another validator's rule
    }
    Object user = context.getAttributes().get(UserModel.class.getName());
    if (user instanceof UserModel stored && values.equals(nonBlank(stored, inputHint))) {
      return context;
    }
    format
        .get()
        .problem(asJson(values))
        .ifPresent(
            problem ->
                context.addError(
                    new ValidationError(ID, inputHint, problem.messageKey(), values.get(0))));
    return context;
  }

  /** The configured format, else the one of the {@code profile} key the attribute stores. */
  static Optional<ClaimFormat> format(String attribute, ValidatorConfig config) {
    String configured = config == null ? null : config.getString(FORMAT);
    if (configured != null && !configured.isBlank()) {
      return ClaimFormat.byId(configured.strip());
    }
    return attribute == null
        ? Optional.empty()
        : AttributeName.parse(attribute)
            .filter(name -> name.namespace().kind() == NamespaceKind.PROFILE)
            .flatMap(name -> ClaimFormat.ofProfileKey(name.key()));
  }

  private static List<String> values(Object input) {
    List<String> values = new ArrayList<>();
    if (input instanceof Collection<?> many) {
      many.forEach(value -> addNonBlank(values, value));
    } else {
      addNonBlank(values, input);
    }
    return values;
  }

  private static void addNonBlank(List<String> values, Object value) {
    if (value instanceof String text && !text.isBlank()) {
      values.add(text);
    }
  }

  private static List<String> nonBlank(UserModel user, String attribute) {
    return user.getAttributeStream(attribute).filter(v -> v != null && !v.isBlank()).toList();
  }

  /** As the pack reads the attribute: one value is a string, several an array. */
  private static JsonNode asJson(List<String> values) {
    if (values.size() == 1) {
      return Json.NODES.textNode(values.get(0));
    }
    ArrayNode array = Json.NODES.arrayNode();
    values.forEach(array::add);
    return array;
  }

  @Override
  public ValidationResult validateConfig(KeycloakSession session, ValidatorConfig config) {
    String configured = config == null ? null : config.getString(FORMAT);
    if (configured == null
        || configured.isBlank()
        || ClaimFormat.byId(configured.strip()).isPresent()) {
      return ValidationResult.OK;
    }
    return ValidationResult.of(
        new ValidationError(
            ID, FORMAT, ValidatorConfigValidator.MESSAGE_CONFIG_INVALID_VALUE, ids()));
  }

  @Override
  public String getHelpText() {
    return "kc-userdata: checks a value against an OpenID Connect claim format (url, date,"
        + " time-zone, locale). Without a format, the one of the profile.* claim it validates.";
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return ProviderConfigurationBuilder.create()
        .property()
        .name(FORMAT)
        .label("Format")
        .helpText(
            "url: absolute http(s) URL; date: YYYY-MM-DD; time-zone: IANA zone such as"
                + " Europe/Paris; locale: BCP 47 tag such as en-US. Empty: the format of the"
                + " profile.* claim.")
        .type(ProviderConfigProperty.LIST_TYPE)
        .options(Arrays.stream(ClaimFormat.values()).map(ClaimFormat::id).toList())
        .add()
        .build();
  }

  private static String ids() {
    return Arrays.stream(ClaimFormat.values())
        .map(ClaimFormat::id)
        .collect(Collectors.joining(", "));
  }
}
