package io.kcuserdata.core.net.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoundedBodyTest {

  /** Counts the bytes handed out, and may hand them out a few at a time like a socket. */
  private static final class CountingStream extends FilterInputStream {
    private final int maxChunk;
    long delivered;

    CountingStream(byte[] content, int maxChunk) {
      super(new ByteArrayInputStream(content));
      this.maxChunk = maxChunk;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      delivered += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, Math.min(length, maxChunk));
      delivered += Math.max(n, 0);
      return n;
    }
  }

  private static byte[] bytes(int length) {
    byte[] content = new byte[length];
    for (int i = 0; i < length; i++) {
      content[i] = (byte) i;
    }
    return content;
  }

  @Nested
  class WithinTheLimit {

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8192, 100_000})
    void exactlyMaxBytesAreReturnedWhole(int chunk) throws IOException {
      byte[] content = bytes(20_000);

      assertThat(BoundedBody.read(new CountingStream(content, chunk), 20_000)).isEqualTo(content);
    }

    @Test
    void aShorterBodyIsReturnedWhole() throws IOException {
      assertThat(BoundedBody.read(new ByteArrayInputStream(bytes(10)), 64)).isEqualTo(bytes(10));
    }

    @Test
    void noStreamIsAnEmptyBody() throws IOException {
      assertThat(BoundedBody.read(null, 64)).isEmpty();
    }

    @Test
    void anEmptyStreamIsAnEmptyBody() throws IOException {
      assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[0]), 64)).isEmpty();
    }
  }

  @Nested
  class OverTheLimit {

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8192, 100_000})
    void oneByteMoreThanMaxIsRefused(int chunk) throws IOException {
      assertThat(BoundedBody.read(new CountingStream(bytes(20_001), chunk), 20_000)).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8192, 100_000})
    void readsNoMoreThanMaxPlusOneBytes(int chunk) throws IOException {
      CountingStream huge = new CountingStream(bytes(1_000_000), chunk);

      assertThat(BoundedBody.read(huge, 20_000)).isNull();
      assertThat(huge.delivered).isEqualTo(20_001);
    }

    @Test
    void aSmallLimitBelowTheBufferSizeIsStillExact() throws IOException {
      CountingStream stream = new CountingStream(bytes(100), 100);

      assertThat(BoundedBody.read(stream, 64)).isNull();
      assertThat(stream.delivered).isEqualTo(65);
      assertThat(BoundedBody.read(new ByteArrayInputStream(bytes(64)), 64))
          .isEqualTo(Arrays.copyOf(bytes(100), 64));
    }
  }
}
