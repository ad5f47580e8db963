package io.kcuserdata.it.harness;

/**
 * An upstream OpenID Connect provider: another realm of the same server, registered in {@code
 * consumer} as identity provider {@code alias}.
 */
public record UpstreamIdp(String alias, TestRealm realm, TestRealm consumer) {

  /** Creates a user in the upstream realm, the one who will sign in through the broker. */
  public String createUser(String username, String password) {
    return realm.createUser(username, password);
  }
}
