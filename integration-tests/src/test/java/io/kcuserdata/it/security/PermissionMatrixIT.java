package io.kcuserdata.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.security.MatrixRequests.Call;
import io.kcuserdata.it.security.PermissionTable.Expected;
import io.kcuserdata.it.security.PermissionTable.Row;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every endpoint of the pack, called by every kind of caller, against the real server: the status
 * each gets is the one {@link PermissionTable} states, and a refused write leaves its target as it
 * was (and sends no e-mail). One dynamic test per cell, in the table's order; the answers are
 * printed as a table at the end, cells that differ marked {@code !}.
 */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixIT {

  private final List<Row> rows = PermissionTable.rows();
  private final Map<String, Map<Caller, Integer>> answers = new LinkedHashMap<>();
  private TrustFixture f;
  private MatrixRequests requests;

  @BeforeAll
  void aRealmWithACallerOfEveryKind(Realms realms, HttpApi admin, Browser browser) {
    f = new TrustFixture(realms, admin, browser);
    requests = new MatrixRequests(f);
  }

  @AfterAll
  void printTheAnswers() {
    System.out.println(render());
    if (f != null) {
      f.close();
    }
  }

  @TestFactory
  Stream<DynamicContainer> everyEndpointAnswersEveryCallerAsTheTableSays() {
    assertThat(requests.labels())
        .as("a request for every row of the table, and no other")
        .containsExactlyInAnyOrderElementsOf(rows.stream().map(Row::label).toList());
    long endpoints = rows.stream().map(Row::route).distinct().count();
    System.out.printf(
        "Permission matrix: %d rows (%d endpoints) x %d callers = %d calls%n",
        rows.size(), endpoints, Caller.values().length, rows.size() * Caller.values().length);
    return rows.stream()
        .map(
            row ->
                dynamicContainer(
                    row.label(),
                    Arrays.stream(Caller.values())
                        .map(
                            caller ->
                                dynamicTest(
                                    caller.column() + " -> " + row.expected().get(caller),
                                    () -> check(row, caller)))));
  }

  private void check(Row row, Caller caller) {
    Expected expected = row.expected().get(caller);
    Call call = requests.call(row, caller);
    String before = call.state == null ? null : call.state.get();
    if (call.sendsMail) {
      f.smtp.drain();
    }
    Answer answer = call.send(f.as(f.token(caller, row.route())));
    answers
        .computeIfAbsent(row.label(), k -> new EnumMap<>(Caller.class))
        .put(caller, answer.status());
    List<String> mails = call.sendsMail ? f.smtp.drain() : List.of();
    if (answer.status() < 300) {
      call.afterSuccess.run();
    }
    String who = caller.column() + " (" + caller.description() + ")";
    assertThat(answer.status())
        .as("%s as %s: expected %s, got %s%nrequest: %s", row.label(), who, expected, answer, call)
        .isEqualTo(expected.status());
    if (answer.status() >= 400) {
      if (before != null) {
        assertThat(call.state.get())
            .as(
                "%s as %s was refused (%d) but changed its target",
                row.label(), who, answer.status())
            .isEqualTo(before);
      }
      assertThat(mails).as("%s as %s was refused but sent an e-mail", row.label(), who).isEmpty();
    }
  }

  /** The statuses received, laid out as the table; {@code !} marks one the table does not state. */
  private String render() {
    StringBuilder out = new StringBuilder("Permission matrix, as answered:\n");
    int width = rows.stream().mapToInt(r -> r.label().length()).max().orElse(10) + 2;
    out.append(" ".repeat(width));
    for (Caller caller : Caller.values()) {
      out.append(String.format("%-8s", caller.column()));
    }
    out.append('\n');
    int differing = 0;
    for (Row row : rows) {
      out.append(String.format("%-" + width + "s", row.label()));
      Map<Caller, Integer> got = answers.getOrDefault(row.label(), Map.of());
      for (Caller caller : Caller.values()) {
        Integer status = got.get(caller);
        boolean differs = status != null && status != row.expected().get(caller).status();
        differing += differs ? 1 : 0;
        out.append(String.format("%-8s", (status == null ? "-" : status) + (differs ? "!" : "")));
      }
      out.append('\n');
    }
    out.append(String.format("%d cells differ from the table%n", differing));
    return out.toString();
  }
}
