package io.kcuserdata.admin.export;

import io.kcuserdata.admin.http.ApiError;
import java.util.Locale;

/** The two shapes of a bulk export: one JSON record per line, or RFC 4180 CSV. */
public enum ExportFormat {
  NDJSON("application/x-ndjson; charset=utf-8", "ndjson"),
  CSV("text/csv; charset=utf-8", "csv");

  private final String mediaType;
  private final String extension;

  ExportFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** {@code ndjson} when absent, as most tools read it line by line. */
  public static ExportFormat parse(String value) {
    if (value == null || value.isBlank()) {
      return NDJSON;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiError.invalidRequest("format must be ndjson or csv, not '" + clip(value) + "'");
    }
  }

  static String clip(String value) {
    return value.codePointCount(0, value.length()) <= 40
        ? value
        : value.substring(0, value.offsetByCodePoints(0, 40)) + "…";
  }
}
