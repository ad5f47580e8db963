package io.kcuserdata.admin.passwords;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.credential.PasswordCredentialModel;

class BcryptPolicyCheckTest {

  private static final String TAIL = "CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";

  private final BcryptPasswordHashProvider provider =
      new BcryptPasswordHashProvider(new SecureRandom());

  // policyCheck never hashes, so a well-formed string of the right cost is enough.
  private static PasswordCredentialModel bcryptOfCost(int cost) {
    return BcryptPasswordHashProvider.credentialOf(String.format("$2b$%02d$%s", cost, TAIL), cost);
  }

  private boolean check(String policy, PasswordCredentialModel credential) {
    return provider.policyCheck(TestPolicies.parse(policy), credential);
  }

  @Nested
  class UnderABcryptPolicy {

    @Test
    void acceptsACredentialOfTheConfiguredCost() {
      assertThat(check("hashAlgorithm(bcrypt) and hashIterations(10)", bcryptOfCost(10))).isTrue();
    }

    @Test
    void asksForARehashWhenTheCostDiffers() {
      assertThat(check("hashAlgorithm(bcrypt) and hashIterations(10)", bcryptOfCost(11))).isFalse();
    }

    @Test
    void expectsTheDefaultCostWhenIterationsAreUnsetOrNoBcryptCost() {
      assertThat(check("hashAlgorithm(bcrypt)", bcryptOfCost(12))).isTrue();
      assertThat(check("hashAlgorithm(bcrypt)", bcryptOfCost(10))).isFalse();
      assertThat(check("hashAlgorithm(bcrypt) and hashIterations(210000)", bcryptOfCost(12)))
          .isTrue();
    }

    @Test
    void judgesByTheCostInsideTheHashNotTheIterationsField() {
      PasswordCredentialModel mislabelled =
          BcryptPasswordHashProvider.credentialOf("$2b$10$" + TAIL, 12);

      assertThat(check("hashAlgorithm(bcrypt)", mislabelled)).isFalse();
    }

    @Test
    void refusesACredentialOfAnotherAlgorithm() {
      PasswordCredentialModel pbkdf2 =
          PasswordCredentialModel.createFromValues("pbkdf2-sha512", new byte[16], 12, "AAAA");

      assertThat(check("hashAlgorithm(bcrypt) and hashIterations(12)", pbkdf2)).isFalse();
    }
  }

  @Nested
  class UnderAnyOtherPolicy {

    @Test
    void alwaysAsksForARehashSoKeycloakMovesUsersOffBcrypt() {
      assertThat(check("hashAlgorithm(pbkdf2-sha512) and hashIterations(10)", bcryptOfCost(10)))
          .isFalse();
      assertThat(check("hashIterations(12)", bcryptOfCost(12))).isFalse();
      assertThat(provider.policyCheck(PasswordPolicy.empty(), bcryptOfCost(12))).isFalse();
      assertThat(provider.policyCheck(null, bcryptOfCost(12))).isFalse();
    }
  }
}
