package io.kcuserdata.claims.shaping;

import java.util.Set;

/**
 * Claims the server sets or relying parties trust for security decisions. Whatever the claims API
 * answers, these keep the server's value: an API that is compromised, or simply careless, must not
 * be able to change who a token is for, who issued it, when it expires or what it grants.
 */
public final class ReservedClaims {

  public static final Set<String> NAMES =
      Set.of(
          ("iss sub aud exp nbf iat jti typ azp sid session_state scope acr amr auth_time nonce"
                  + " at_hash c_hash s_hash cnf act may_act client_id realm_access"
                  + " resource_access allowed-origins organization authorization")
              .split(" "));

  private ReservedClaims() {}

  public static boolean isReserved(String name) {
    return NAMES.contains(name);
  }
}
