package io.kcuserdata.admin.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidLineExceptionTest {

  @Test
  void itsMessageIsTheReasonReportedForTheLine() {
    assertThat(new InvalidLineException("email must be a string"))
        .isInstanceOf(RuntimeException.class)
        .hasMessage("email must be a string")
        .hasNoCause();
  }

  @Test
  void itCarriesNoStackTraceAsARefusedLineIsNoFault() {
    assertThat(new InvalidLineException("x").getStackTrace()).isEmpty();
  }

  @Test
  void itKeepsNoSuppressedExceptions() {
    InvalidLineException refusal = new InvalidLineException("x");

    refusal.addSuppressed(new IllegalStateException("other"));

    assertThat(refusal.getSuppressed()).isEmpty();
  }
}
