package io.kcuserdata.admin.http;

import java.util.regex.Pattern;

/** The request paths of the pack's two REST roots, for the filters that guard only those. */
final class PackPaths {

  private static final Pattern PACK =
      Pattern.compile("(?:^|.*/)(?:admin/)?realms/[^/]+/user-data(?:/.*)?");

  private PackPaths() {}

  /** Whether {@code path} (as JAX-RS gives it, with or without a leading slash) is the pack's. */
  static boolean isPack(String path) {
    // Every request of the server passes the filters (token requests too): a plain search first.
    return path != null && path.contains("/user-data") && PACK.matcher(path).matches();
  }
}
