package io.kcuserdata.it.harness;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URL;

/**
 * Tokens checked as an application checks them, with Nimbus JOSE+JWT: signature against the realm's
 * published JWKS and the issuer, before any claim is read.
 */
public final class VerifiedTokens {

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final String issuer;

  public VerifiedTokens(TestRealm realm) {
    try {
      JWKSource<SecurityContext> keys =
          JWKSourceBuilder.create(new URL(realm.issuer() + "/protocol/openid-connect/certs"))
              .build();
      processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
      // Keycloak's access tokens are typed "JWT"; the default verifier accepts that.
      processor.setJWSTypeVerifier((type, context) -> {});
      this.issuer = realm.issuer().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The claims of a token whose signature and issuer are valid; throws otherwise. */
  public JWTClaimsSet verify(String token) {
    try {
      JWTClaimsSet claims = processor.process(token, null);
      if (!issuer.equals(claims.getIssuer())) {
        throw new AssertionError("issuer " + claims.getIssuer() + ", expected " + issuer);
      }
      return claims;
    } catch (AssertionError e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError("token does not verify: " + e.getMessage(), e);
    }
  }
}
