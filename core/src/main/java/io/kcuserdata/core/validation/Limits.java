package io.kcuserdata.core.validation;

/**
 * How deep and how large one namespace of one user may be. The defaults are the public contract;
 * operators change them server-wide with SPI options.
 *
 * @param maxDepth the deepest nesting of objects and arrays, the namespace object itself counting
 *     as 1: {@code {"a":{"b":[1]}}} has depth 3
 * @param maxNamespaceBytes the size of the namespace as compact JSON in UTF-8
 */
public record Limits(int maxDepth, int maxNamespaceBytes) {

  public static final int DEFAULT_MAX_DEPTH = 8;
  public static final int DEFAULT_MAX_NAMESPACE_BYTES = 16 * 1024;
  public static final Limits DEFAULTS = new Limits(DEFAULT_MAX_DEPTH, DEFAULT_MAX_NAMESPACE_BYTES);

  public Limits {
    if (maxDepth < 1 || maxDepth > 64) {
      throw new IllegalArgumentException("max depth must be within 1..64, was " + maxDepth);
    }
    if (maxNamespaceBytes < 256 || maxNamespaceBytes > 1024 * 1024) {
      throw new IllegalArgumentException(
          "max namespace bytes must be within 256..1048576, was " + maxNamespaceBytes);
    }
  }
}
