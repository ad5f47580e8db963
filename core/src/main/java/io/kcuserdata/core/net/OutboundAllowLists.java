package io.kcuserdata.core.net;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The allow-list of each {@link OutboundUse}, read from the options: a use's own option when it is
 * set ({@code none} for no exception at all), else the shared {@code outbound-allow-list}, which
 * therefore keeps working as it did for both.
 */
public final class OutboundAllowLists {

  /** The value of a use's own option that allows nothing, whatever the shared list says. */
  public static final String NONE = "none";

  private final AllowList shared;
  private final Map<OutboundUse, AllowList> lists;
  private final Map<OutboundUse, Boolean> own;

  private OutboundAllowLists(
      AllowList shared, Map<OutboundUse, AllowList> lists, Map<OutboundUse, Boolean> own) {
    this.shared = shared;
    this.lists = lists;
    this.own = own;
  }

  /**
   * @param option an option's value by its name, null when it is not set
   * @throws IllegalArgumentException naming the option and every bad entry in it
   */
  public static OutboundAllowLists read(Function<String, String> option) {
    AllowList shared = parse(OutboundUse.SHARED_OPTION, option.apply(OutboundUse.SHARED_OPTION));
    Map<OutboundUse, AllowList> lists = new EnumMap<>(OutboundUse.class);
    Map<OutboundUse, Boolean> own = new EnumMap<>(OutboundUse.class);
    for (OutboundUse use : OutboundUse.values()) {
      String value = option.apply(use.option());
      boolean set = value != null && !value.isBlank();
      own.put(use, set);
      if (!set) {
        lists.put(use, shared);
      } else if (value.strip().toLowerCase(Locale.ROOT).equals(NONE)) {
        lists.put(use, AllowList.NONE);
      } else {
        lists.put(use, parse(use.option(), value));
      }
    }
    return new OutboundAllowLists(shared, lists, own);
  }

  private static AllowList parse(String option, String value) {
    try {
      return AllowList.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
    }
  }

  public AllowList of(OutboundUse use) {
    return lists.get(use);
  }

  /**
   * Each option with what it lets through, for the server info page: {@code (none)}, the entries,
   * or for a use without its own list the shared entries followed by {@code (outbound-allow-list)}.
   */
  public Map<String, String> describe() {
    Map<String, String> described = new LinkedHashMap<>();
    described.put(OutboundUse.SHARED_OPTION, text(shared));
    for (OutboundUse use : OutboundUse.values()) {
      AllowList list = lists.get(use);
      described.put(
          use.option(),
          own.get(use) || list.isEmpty()
              ? text(list)
              : text(list) + " (" + OutboundUse.SHARED_OPTION + ")");
    }
    return described;
  }

  private static String text(AllowList list) {
    return list.isEmpty() ? "(none)" : list.toString();
  }
}
