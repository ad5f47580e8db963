package io.kcuserdata.claims.runtime;

import io.kcuserdata.claims.http.Outcome;
import io.kcuserdata.claims.shaping.ApiAnswer;
import java.util.Optional;

/** What the mapper learned for one token: the API's answer, or why there is none. */
public sealed interface Resolution {

  record Answered(ApiAnswer answer) implements Resolution {}

  /**
   * @param stale the last good claims, when the failure policy is {@code stale} and there are some
   */
  record Failed(Outcome outcome, Optional<ApiAnswer.Claims> stale) implements Resolution {}
}
