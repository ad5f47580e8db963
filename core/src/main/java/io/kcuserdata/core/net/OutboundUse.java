package io.kcuserdata.core.net;

/**
 * What the pack calls out for. Each use has an allow-list of its own, so that an operator can let
 * the claims mapper reach an internal API without letting webhooks (whose URLs realm admins with
 * manage-events set) reach it too.
 */
public enum OutboundUse {
  /** Webhook deliveries, and the check of an endpoint's URL when it is saved. */
  WEBHOOKS("webhooks"),
  /** The claims mapper's API and token endpoint. */
  CLAIMS("claims");

  /** The option every use falls back to: {@code outbound-allow-list}. */
  public static final String SHARED_OPTION = "outbound-allow-list";

  // Where the userdata SPI's default provider reads its options (UserDataSpi, its "default").
  private static final String CLI_PREFIX = "--spi-userdata--default--";

  private final String name;

  OutboundUse(String name) {
    this.name = name;
  }

  /** This use's own option: {@code webhooks-outbound-allow-list}, {@code claims-…}. */
  public String option() {
    return name + "-" + SHARED_OPTION;
  }

  /** How an operator sets it: {@code --spi-userdata--default--webhooks-outbound-allow-list}. */
  public String cliOption() {
    return CLI_PREFIX + option();
  }

  /** How an operator sets the shared list: {@code --spi-userdata--default--outbound-allow-list}. */
  public static String sharedCliOption() {
    return CLI_PREFIX + SHARED_OPTION;
  }

  /** Where an error about a refused URL tells the operator to look. */
  public String howToAllow() {
    return cliOption() + " (or the shared " + sharedCliOption() + ")";
  }
}
