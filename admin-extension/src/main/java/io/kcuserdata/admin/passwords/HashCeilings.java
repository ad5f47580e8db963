package io.kcuserdata.admin.passwords;

import io.kcuserdata.admin.userdata.UserDataAdminRootFactory;
import io.kcuserdata.events.options.WholeNumberOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.Config;

/**
 * The most an imported password hash may cost, since every sign-in attempt for its user pays that
 * cost before brute-force counting starts. The defaults keep one verification near a second of one
 * core at worst (bcrypt cost 13 about 0.5 s; PBKDF2 at 2,000,000 iterations 1 to 2 s; argon2 at 1
 * GiB of memory passes 0.6 to 1.3 s) and admit what Auth0, Logto, Django and Keycloak produce.
 *
 * <p>Argon2's time follows memory x iterations, not iterations alone: Logto hashes with 4 MiB x 256
 * passes, as costly as 256 MiB x 4. So argon2 has a memory ceiling (heap per attempt) and a work
 * ceiling (memory x iterations), not an iteration count.
 *
 * <p>SPI options of the admin root provider ({@code
 * --spi-admin-realm-restapi-extension--user-data--<option>}); the {@code bcrypt} hash provider
 * reads the same {@value #MAX_BCRYPT_COST}, so what the import accepts is what sign-in verifies.
 */
public record HashCeilings(
    int maxBcryptCost,
    int maxArgon2Memory,
    int maxArgon2Work,
    int maxArgon2Parallelism,
    int maxPbkdf2Iterations) {

  /** The SPI and provider whose options these are: the pack's admin root. */
  public static final String SPI = "admin-realm-restapi-extension";

  public static final String PROVIDER = UserDataAdminRootFactory.ID;

  public static final String MAX_BCRYPT_COST = "max-bcrypt-cost";
  public static final String MAX_ARGON2_MEMORY = "max-argon2-memory";
  public static final String MAX_ARGON2_WORK = "max-argon2-work";
  public static final String MAX_ARGON2_PARALLELISM = "max-argon2-parallelism";
  public static final String MAX_PBKDF2_ITERATIONS = "max-pbkdf2-iterations";

  public static final HashCeilings DEFAULTS =
      new HashCeilings(13, 256 * 1024, 1024 * 1024, 16, 2_000_000);

  // The most an operator may allow: argon2's memory stays at the 1 GiB the import always had as
  // its bound; the rest are the format's own bounds or far beyond any real system.
  static final int MAX_ARGON2_MEMORY_OPTION = 1024 * 1024;
  static final int MAX_PBKDF2_ITERATIONS_OPTION = 10_000_000;
  static final int MAX_ARGON2_PARALLELISM_OPTION = 255;

  /** Reads and validates the options; a bad value stops the server naming option and range. */
  public static HashCeilings read(Config.Scope config) {
    String provider = SPI + "/" + PROVIDER;
    return new HashCeilings(
        WholeNumberOption.read(
            config,
            provider,
            MAX_BCRYPT_COST,
            DEFAULTS.maxBcryptCost,
            Bcrypt.MIN_COST,
            Bcrypt.MAX_COST),
        WholeNumberOption.read(
            config,
            provider,
            MAX_ARGON2_MEMORY,
            DEFAULTS.maxArgon2Memory,
            8,
            MAX_ARGON2_MEMORY_OPTION),
        WholeNumberOption.read(
            config, provider, MAX_ARGON2_WORK, DEFAULTS.maxArgon2Work, 8, Integer.MAX_VALUE),
        WholeNumberOption.read(
            config,
            provider,
            MAX_ARGON2_PARALLELISM,
            DEFAULTS.maxArgon2Parallelism,
            1,
            MAX_ARGON2_PARALLELISM_OPTION),
        WholeNumberOption.read(
            config,
            provider,
            MAX_PBKDF2_ITERATIONS,
            DEFAULTS.maxPbkdf2Iterations,
            1,
            MAX_PBKDF2_ITERATIONS_OPTION));
  }

  /** The ceilings by option name, for operational info. */
  public Map<String, String> describe() {
    Map<String, String> info = new LinkedHashMap<>();
    info.put(MAX_BCRYPT_COST, Integer.toString(maxBcryptCost));
    info.put(MAX_ARGON2_MEMORY, Integer.toString(maxArgon2Memory));
    info.put(MAX_ARGON2_WORK, Integer.toString(maxArgon2Work));
    info.put(MAX_ARGON2_PARALLELISM, Integer.toString(maxArgon2Parallelism));
    info.put(MAX_PBKDF2_ITERATIONS, Integer.toString(maxPbkdf2Iterations));
    return info;
  }

  void checkBcrypt(int cost) {
    if (cost > maxBcryptCost) {
      throw over("bcrypt cost " + cost, maxBcryptCost, "", MAX_BCRYPT_COST);
    }
  }

  void checkArgon2(long memoryKib, long iterations, long parallelism) {
    if (parallelism > maxArgon2Parallelism) {
      throw over(
          "argon2 parallelism " + parallelism, maxArgon2Parallelism, "", MAX_ARGON2_PARALLELISM);
    }
    if (memoryKib > maxArgon2Memory) {
      throw over("argon2 memory " + memoryKib + " KiB", maxArgon2Memory, " KiB", MAX_ARGON2_MEMORY);
    }
    long work = memoryKib * iterations;
    if (work > maxArgon2Work) {
      throw over(
          "argon2 memory x iterations " + memoryKib + " KiB x " + iterations + " = " + work,
          maxArgon2Work,
          "",
          MAX_ARGON2_WORK);
    }
  }

  void checkPbkdf2(long iterations) {
    if (iterations > maxPbkdf2Iterations) {
      throw over("pbkdf2 iterations " + iterations, maxPbkdf2Iterations, "", MAX_PBKDF2_ITERATIONS);
    }
  }

  private static InvalidPasswordHashException over(
      String what, int limit, String unit, String option) {
    return new InvalidPasswordHashException(
        what + " is above the limit of " + limit + unit + " (SPI option " + option + ")");
  }
}
