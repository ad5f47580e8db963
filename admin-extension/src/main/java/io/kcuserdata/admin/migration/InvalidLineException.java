package io.kcuserdata.admin.migration;

/** A line the import refuses, with the reason reported for that line. Nothing of it is written. */
final class InvalidLineException extends RuntimeException {

  InvalidLineException(String reason) {
    super(reason, null, false, false);
  }
}
