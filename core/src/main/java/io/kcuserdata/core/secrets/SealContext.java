package io.kcuserdata.core.secrets;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a sealed secret is for, authenticated with it (AES-GCM's associated data): the purpose and
 * whatever the secret must stay with, such as the realm and the URL it is sent to. A sealed value
 * copied to another realm, or left in place while the URL changes, does not open.
 */
public record SealContext(String purpose, List<String> bindings) {

  public SealContext {
    bindings = List.copyOf(bindings);
  }

  public static SealContext of(String purpose, String... bindings) {
    return new SealContext(purpose, List.of(bindings));
  }

  /** Each part length-prefixed, so no two contexts share bytes. */
  byte[] associatedData() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, purpose);
    bindings.forEach(binding -> write(out, binding));
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String part) {
    byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
    out.write(bytes.length >>> 24);
    out.write(bytes.length >>> 16);
    out.write(bytes.length >>> 8);
    out.write(bytes.length);
    out.writeBytes(bytes);
  }
}
