package io.kcuserdata.core.namespace;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Attribute names that are not a namespace's exact spelling but are taken for one. A database whose
 * collation ignores case or accents (MySQL's and MariaDB's defaults, SQL Server's usual ones)
 * compares {@code App_Metadata.role} and {@code äpp_metadata.role} equal to {@code
 * app_metadata.role}, so an attribute search or a query over attribute names treats them as that
 * namespace; a person reading the admin console takes {@code ａpp_metadata.role} (fullwidth a) or
 * {@code аpp_metadata.role} (Cyrillic a) for it too. Such a name is governed as the namespace it
 * folds to, and nobody may write it through Keycloak's paths: the exact spelling is the only one
 * that can be written.
 *
 * <p>Folding: Unicode compatibility normalisation (NFKC: fullwidth forms, ligatures, the long s,
 * the Kelvin sign, mathematical letters), lower case, diacritics removed, invisible format and
 * control characters removed, and Cyrillic, Greek and other letters that look like the Latin
 * letters of the namespace names replaced by those letters.
 */
public final class LookalikeNames {

  /** Letters a reader or a collation takes for Latin ones; lower case, as folding sees them. */
  private static final Map<Integer, String> LOOKALIKES =
      Map.ofEntries(
          // Cyrillic
          Map.entry(0x0430, "a"),
          Map.entry(0x0441, "c"),
          Map.entry(0x0501, "d"),
          Map.entry(0x0435, "e"),
          Map.entry(0x04BD, "e"),
          Map.entry(0x04BB, "h"),
          Map.entry(0x0456, "i"),
          Map.entry(0x04CF, "l"),
          Map.entry(0x0458, "j"),
          Map.entry(0x043E, "o"),
          Map.entry(0x0440, "p"),
          Map.entry(0x0455, "s"),
          Map.entry(0x0445, "x"),
          Map.entry(0x0443, "y"),
          // Greek
          Map.entry(0x03B1, "a"),
          Map.entry(0x03F2, "c"),
          Map.entry(0x03B9, "i"),
          Map.entry(0x03BA, "k"),
          Map.entry(0x03BD, "v"),
          Map.entry(0x03BF, "o"),
          Map.entry(0x03C1, "p"),
          Map.entry(0x03C4, "t"),
          Map.entry(0x03C5, "u"),
          // Armenian
          Map.entry(0x0585, "o"),
          Map.entry(0x057D, "u"),
          Map.entry(0x0581, "g"),
          // Latin letters without a decomposition that accent-insensitive collations still fold
          Map.entry(0x0251, "a"),
          Map.entry(0x0261, "g"),
          Map.entry(0x0269, "i"),
          Map.entry(0x0131, "i"),
          Map.entry(0x00F8, "o"),
          Map.entry(0x0111, "d"),
          Map.entry(0x0127, "h"),
          Map.entry(0x0142, "l"),
          Map.entry(0x0167, "t"),
          Map.entry(0x0138, "k"),
          Map.entry(0x00DF, "ss"),
          Map.entry(0x00E6, "ae"),
          Map.entry(0x0153, "oe"));

  private LookalikeNames() {}

  /**
   * The namespace an attribute is governed as: the one it is spelled as, or else the one its name
   * folds to; empty for attributes that are not namespaced data.
   */
  public static Optional<Namespace> governingNamespace(String attribute) {
    Optional<Namespace> exact = AttributeName.namespaceOf(attribute);
    return exact.isPresent() ? exact : AttributeName.namespaceOf(fold(attribute));
  }

  /**
   * Whether {@code attribute} folds to a namespace without being spelled as one: {@code
   * App_Metadata.role}, not {@code app_metadata.role} nor {@code favourite.colour}.
   */
  public static boolean isLookalike(String attribute) {
    return AttributeName.namespaceOf(attribute).isEmpty()
        && AttributeName.namespaceOf(fold(attribute)).isPresent();
  }

  /**
   * The namespace and key the folded name stores, as {@link AttributeName#parse} reads an exact
   * one; empty when the folded name is no namespaced key either.
   */
  public static Optional<AttributeName> parseFolded(String attribute) {
    return AttributeName.parse(fold(attribute));
  }

  /** {@code name} folded as a lenient collation or a reader would see it. */
  public static String fold(String name) {
    if (isPlainLowerAscii(name)) {
      return name;
    }
    String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    String decomposed = Normalizer.normalize(compatible, Normalizer.Form.NFD);
    StringBuilder folded = new StringBuilder(decomposed.length());
    decomposed
        .codePoints()
        .forEach(
            c -> {
              switch (Character.getType(c)) {
                case Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.FORMAT,
                    Character.CONTROL -> {
                  // dropped: accents, zero-width and other invisible characters
                }
                default -> {
                  String latin = LOOKALIKES.get(c);
                  if (latin != null) {
                    folded.append(latin);
                  } else {
                    folded.appendCodePoint(c);
                  }
                }
              }
            });
    return Normalizer.normalize(folded, Normalizer.Form.NFC);
  }

  // Nothing to fold: the usual case, answered without normalising.
  private static boolean isPlainLowerAscii(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 0x7F || c < 0x20 || (c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return true;
  }
}
