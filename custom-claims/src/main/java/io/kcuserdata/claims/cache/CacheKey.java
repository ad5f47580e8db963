package io.kcuserdata.claims.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Which answer a call may share: a SHA-256 digest of the mapper config's identity, the token family
 * and the request body the call sends, in canonical JSON (members sorted), less the members named
 * as not keyed. Derived from the very body that would be sent, so whatever a later version adds to
 * the body is part of the key unless it is deliberately left out: the key cannot fall behind the
 * request. Access tokens, ID tokens and introspection share the family {@code token}, so one call
 * serves all of a token request and a later introspection of its access token; userinfo answers are
 * {@code userinfo}.
 */
public record CacheKey(String digest) {

  /**
   * @param configIdentity the mapper and its whole config (URL, authentication, namespaces, …)
   * @param tokenFamily {@code token} or {@code userinfo}
   * @param body the request body as it will be sent
   * @param notKeyed members of the body's top level that do not enter the key
   */
  public static CacheKey of(
      String configIdentity, String tokenFamily, ObjectNode body, Set<String> notKeyed) {
    StringBuilder canonical = new StringBuilder();
    text(canonical, configIdentity);
    canonical.append('\n');
    text(canonical, tokenFamily);
    canonical.append('\n');
    ObjectNode keyed = body.deepCopy();
    keyed.remove(notKeyed);
    canonical(canonical, keyed);
    return new CacheKey(sha256(canonical.toString()));
  }

  /** JSON with every object's members in name order; arrays keep their order. */
  static void canonical(StringBuilder out, JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        text(out, names.get(i));
        out.append(':');
        canonical(out, node.get(names.get(i)));
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        canonical(out, node.get(i));
      }
      out.append(']');
    } else {
      out.append(node.toString());
    }
  }

  private static void text(StringBuilder out, String value) {
    out.append(TextNode.valueOf(value).toString());
  }

  private static String sha256(String canonical) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is in every JRE", e);
    }
  }
}
