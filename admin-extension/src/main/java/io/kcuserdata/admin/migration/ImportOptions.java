package io.kcuserdata.admin.migration;

import io.kcuserdata.admin.passwords.HashCeilings;
import io.kcuserdata.events.options.WholeNumberOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The import's SPI options, on the admin root provider ({@code
 * --spi-admin-realm-restapi-extension--user-data--<option>}): the password hash ceilings and the
 * lines one request may carry.
 */
public record ImportOptions(HashCeilings hashes, int maxLines) {

  public static final String MAX_IMPORT_LINES = "max-import-lines";

  public static final ImportOptions DEFAULTS = new ImportOptions(HashCeilings.DEFAULTS, 100_000);

  static final int MAX_IMPORT_LINES_OPTION = 10_000_000;

  /** Reads and validates the options; a bad value stops the server naming option and range. */
  public static ImportOptions read(Config.Scope config) {
    return new ImportOptions(
        HashCeilings.read(config),
        WholeNumberOption.read(
            config,
            HashCeilings.SPI + "/" + HashCeilings.PROVIDER,
            MAX_IMPORT_LINES,
            DEFAULTS.maxLines,
            1,
            MAX_IMPORT_LINES_OPTION));
  }

  /** The options in effect, by name, for the admin console's provider info. */
  public Map<String, String> operationalInfo() {
    Map<String, String> info = new LinkedHashMap<>(hashes.describe());
    info.put(MAX_IMPORT_LINES, Integer.toString(maxLines));
    return info;
  }

  public static List<ProviderConfigProperty> configMetadata() {
    HashCeilings d = HashCeilings.DEFAULTS;
    return ProviderConfigurationBuilder.create()
        .property()
        .name(HashCeilings.MAX_BCRYPT_COST)
        .type("int")
        .helpText(
            "Highest bcrypt cost an imported hash may have (4..31); the bcrypt hash provider"
                + " refuses to verify a stored hash above it. Cost 13 takes about 0.5 s per"
                + " sign-in attempt, and each step up doubles it.")
        .defaultValue(d.maxBcryptCost())
        .add()
        .property()
        .name(HashCeilings.MAX_ARGON2_MEMORY)
        .type("int")
        .helpText(
            "Most memory, in KiB, an imported argon2 hash may use (8..1048576); every sign-in"
                + " attempt allocates it.")
        .defaultValue(d.maxArgon2Memory())
        .add()
        .property()
        .name(HashCeilings.MAX_ARGON2_WORK)
        .type("int")
        .helpText(
            "Most memory (KiB) x iterations an imported argon2 hash may take, which its time"
                + " follows; the default admits Logto's 4096 KiB x 256 or 256 MiB x 4.")
        .defaultValue(d.maxArgon2Work())
        .add()
        .property()
        .name(HashCeilings.MAX_ARGON2_PARALLELISM)
        .type("int")
        .helpText("Highest argon2 parallelism (lanes) an imported hash may have (1..255).")
        .defaultValue(d.maxArgon2Parallelism())
        .add()
        .property()
        .name(HashCeilings.MAX_PBKDF2_ITERATIONS)
        .type("int")
        .helpText("Most iterations an imported PBKDF2 hash may have (1..10000000).")
        .defaultValue(d.maxPbkdf2Iterations())
        .add()
        .property()
        .name(MAX_IMPORT_LINES)
        .type("int")
        .helpText(
            "Most lines one import request may carry, blank ones included (1..10000000); the"
                + " line after it answers an error and the rest of the body is not read.")
        .defaultValue(DEFAULTS.maxLines)
        .add()
        .build();
  }
}
