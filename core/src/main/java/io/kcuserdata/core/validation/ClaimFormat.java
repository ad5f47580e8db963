package io.kcuserdata.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.validators.IsoDateValidator;
import org.keycloak.validate.validators.UriValidator;

/**
 * The formats OpenID Connect gives some standard claims (Core 1.0, section 5.1), which the {@code
 * profile} namespace holds. A refusal carries the message key and the wording of the Keycloak
 * validator that checks the same thing, so that Keycloak's forms and the account console show
 * Keycloak's own translated message.
 */
public enum ClaimFormat {

  /** {@code website}, {@code picture}, {@code profile}: an absolute http(s) URL with a host. */
  URL("url") {
    @Override
    Optional<FormatProblem> problemOf(String value) {
      URI uri;
      try {
        uri = new URI(value);
      } catch (URISyntaxException e) {
        return Optional.of(INVALID_URL);
      }
      if (uri.getScheme() != null
          && !WEB_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
        return Optional.of(INVALID_URL_SCHEME);
      }
      // Apps put picture and website in pages: no relative reference, no "https:x", no
      // "https:///x". The authority is not held to DNS syntax, so IDN hosts pass as typed.
      if (!uri.isAbsolute() || uri.getRawAuthority() == null || uri.getRawAuthority().isBlank()) {
        return Optional.of(INVALID_URL);
      }
      return Optional.empty();
    }
  },

  /** {@code birthdate}: a date that exists, as {@code YYYY-MM-DD}. */
  DATE("date") {
    @Override
    Optional<FormatProblem> problemOf(String value) {
      if (!YEAR_MONTH_DAY.matcher(value).matches()) {
        return Optional.of(INVALID_DATE);
      }
      try {
        LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE); // strict: no 2023-02-30
        return Optional.empty();
      } catch (DateTimeParseException e) {
        return Optional.of(INVALID_DATE);
      }
    }
  },

  /** {@code zoneinfo}: a zone name of the IANA time-zone database, as the JDK ships it. */
  TIME_ZONE("time-zone") {
    @Override
    Optional<FormatProblem> problemOf(String value) {
      return IANA_ZONES.contains(value) ? Optional.empty() : Optional.of(INVALID_TIME_ZONE);
    }
  },

  /**
   * {@code locale}: a BCP 47 language tag, as OpenID Connect says and as Keycloak writes its own
   * {@code locale} attribute ({@code en}, {@code pt-BR}, {@code zh-Hant-TW}), whose language (and
   * region, if any) is a known code. The underscore form {@code en_US} is not BCP 47.
   */
  LOCALE("locale") {
    @Override
    Optional<FormatProblem> problemOf(String value) {
      Locale locale;
      try {
        locale = new Locale.Builder().setLanguageTag(value).build();
      } catch (IllformedLocaleException e) {
        return Optional.of(INVALID_LOCALE);
      }
      String language = locale.getLanguage();
      boolean knownLanguage =
          language.length() == 2
              ? ISO_LANGUAGES.contains(language)
              : language.length() == 3 && JDK_LANGUAGES.contains(language);
      String region = locale.getCountry();
      boolean knownRegion =
          region.isEmpty()
              || ISO_REGIONS.contains(region)
              || UN_M49_REGION.matcher(region).matches();
      return knownLanguage && knownRegion ? Optional.empty() : Optional.of(INVALID_LOCALE);
    }
  };

  /** Why a value does not have its format: Keycloak's message key, and the rule in words. */
  public record FormatProblem(String messageKey, String message) {}

  static final FormatProblem INVALID_URL =
      new FormatProblem(
          UriValidator.MESSAGE_INVALID_URI,
          "Invalid URL. Expected an absolute http:// or https:// URL with a host,"
              + " such as https://example.com/ada");
  static final FormatProblem INVALID_URL_SCHEME =
      new FormatProblem(
          UriValidator.MESSAGE_INVALID_SCHEME, "Invalid URL scheme. Expected http or https");
  static final FormatProblem INVALID_DATE =
      new FormatProblem(
          IsoDateValidator.MESSAGE_INVALID_DATE,
          "Invalid date. Expected a date that exists, as YYYY-MM-DD, such as 1990-04-23");
  static final FormatProblem INVALID_TIME_ZONE =
      new FormatProblem(
          ValidationError.MESSAGE_INVALID_VALUE,
          "Invalid value. Expected a time zone of the IANA database, such as Europe/Paris");
  static final FormatProblem INVALID_LOCALE =
      new FormatProblem(
          ValidationError.MESSAGE_INVALID_VALUE,
          "Invalid value. Expected a BCP 47 language tag, such as en, en-US or pt-BR");

  private static final Set<String> WEB_SCHEMES = Set.of("http", "https");
  private static final Pattern YEAR_MONTH_DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  /** The JDK's region ids are the IANA database's, plus SystemV ones IANA dropped long ago. */
  private static final Set<String> IANA_ZONES =
      ZoneId.getAvailableZoneIds().stream()
          .filter(id -> !id.startsWith("SystemV/"))
          .collect(Collectors.toUnmodifiableSet());

  private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());
  private static final Set<String> JDK_LANGUAGES =
      Arrays.stream(Locale.getAvailableLocales())
          .map(Locale::getLanguage)
          .collect(Collectors.toUnmodifiableSet());
  private static final Set<String> ISO_REGIONS = Set.of(Locale.getISOCountries());
  private static final Pattern UN_M49_REGION = Pattern.compile("[0-9]{3}");

  private static final Map<String, ClaimFormat> PROFILE_KEYS =
      Map.of(
          "website", URL,
          "picture", URL,
          "profile", URL,
          "birthdate", DATE,
          "zoneinfo", TIME_ZONE,
          "locale", LOCALE);

  private final String id;

  ClaimFormat(String id) {
    this.id = id;
  }

  /** The name a validator's configuration gives this format. */
  public String id() {
    return id;
  }

  public static Optional<ClaimFormat> byId(String id) {
    return Arrays.stream(values()).filter(format -> format.id.equals(id)).findFirst();
  }

  /** The format of a key of the {@code profile} namespace, if the claim has one. */
  public static Optional<ClaimFormat> ofProfileKey(String key) {
    return Optional.ofNullable(PROFILE_KEYS.get(key));
  }

  /** Why {@code value} (a claim's JSON value) lacks this format; a claim with one is a string. */
  public Optional<FormatProblem> problem(JsonNode value) {
    if (value == null || !value.isTextual()) {
      return Optional.of(notText());
    }
    return problemOf(value.textValue());
  }

  /** Why {@code value} lacks this format, or empty when it has it. */
  public Optional<FormatProblem> problem(String value) {
    return value == null ? Optional.of(notText()) : problemOf(value);
  }

  abstract Optional<FormatProblem> problemOf(String value);

  private FormatProblem notText() {
    return switch (this) {
      case URL -> INVALID_URL;
      case DATE -> INVALID_DATE;
      case TIME_ZONE -> INVALID_TIME_ZONE;
      case LOCALE -> INVALID_LOCALE;
    };
  }
}
