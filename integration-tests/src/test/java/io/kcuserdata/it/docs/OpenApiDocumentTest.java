package io.kcuserdata.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code docs/openapi.yaml} is a valid OpenAPI 3.1 document, and the check that compares the
 * server's real answers with it ({@code OpenApiAnswersIT}) refuses an answer the document does not
 * describe. No server needed.
 */
class OpenApiDocumentTest {

  private static final String USER = "/admin/realms/{realm}/user-data/users/{id}";
  private static final String ME = "/realms/{realm}/user-data/me";
  private static final Map<String, List<String>> JSON =
      Map.of("Content-Type", List.of("application/json"));

  /** A user's own document, with the headers it is answered with. */
  private static final String SELF_DOCUMENT =
      "{\"profile\":{},\"user_metadata\":{},\"custom_data\":{},\"idp\":{},\"org\":{}}";

  private static final Map<String, List<String>> DOCUMENT_HEADERS =
      Map.of(
          "Content-Type", List.of("application/json"),
          "ETag", List.of("W/\"abc\""),
          "Cache-Control", List.of("no-store"));

  private final OpenApiDocument document = OpenApiDocument.read();

  @Nested
  class TheDocument {

    @Test
    void parsesWithoutAMessage() {
      assertThat(document.messages())
          .as("swagger-parser's messages on docs/openapi.yaml")
          .isEmpty();
      assertThat(document.model().getOpenapi()).startsWith("3.1.");
    }

    @Test
    void isValidAgainstOpenApi31sSchemaWithEveryReferenceResolved() {
      try (DocumentedAnswers answers = DocumentedAnswers.load()) {
        assertThat(answers.routes())
            .as("operations as Vert.x OpenAPI resolved them, against swagger-parser's")
            .containsExactlyInAnyOrderElementsOf(document.routes());
      }
    }

    @Test
    void givesEveryOperationAnIdASecurityAndItsErrors() {
      List<String> gaps = new ArrayList<>();
      document
          .model()
          .getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach(
                          (method, operation) -> {
                            String route = method + " " + path;
                            if (operation.getOperationId() == null) {
                              gaps.add(route + ": no operationId");
                            }
                            if (operation.getSecurity() == null) {
                              gaps.add(route + ": no security (say [] for none)");
                            }
                            if (!operation.getSecurity().isEmpty() && !answers(operation, "401")) {
                              gaps.add(route + ": needs a token but documents no 401");
                            }
                          }));
      assertThat(gaps).isEmpty();
    }

    @Test
    void describesEveryWebhookEventWithItsPublishedSchema() {
      assertThat(document.model().getWebhooks())
          .containsKeys("user.created", "user.data.updated", "organization.member_added", "ping");
      document
          .model()
          .getWebhooks()
          .forEach(
              (type, item) ->
                  assertThat(
                          item.getPost()
                              .getRequestBody()
                              .getContent()
                              .get("application/json")
                              .getSchema())
                      .as("the schema of webhook %s", type)
                      .isNotNull());
    }

    private boolean answers(Operation operation, String status) {
      ApiResponse response = operation.getResponses().get(status);
      return response != null;
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class TheAnswerCheck {

    private DocumentedAnswers answers;

    @BeforeAll
    void loadTheContract() {
      answers = DocumentedAnswers.load();
    }

    @AfterAll
    void close() {
      if (answers != null) {
        answers.close();
      }
    }

    @Test
    void acceptsAnAnswerAsDocumented() {
      assertThat(
              answers.problems(
                  "GET",
                  USER,
                  404,
                  JSON,
                  "{\"error\":\"not_found\",\"error_description\":\"no user x in realm r\"}"))
          .isEmpty();
    }

    @Test
    void refusesAStatusTheOperationDoesNotDocument() {
      assertThat(answers.problems("GET", USER, 418, JSON, "{}")).isNotEmpty();
    }

    @Test
    void refusesAnErrorWithoutItsDescription() {
      assertThat(answers.problems("PATCH", USER, 412, JSON, "{\"error\":\"precondition_failed\"}"))
          .isNotEmpty();
    }

    @Test
    void refusesAnErrorCodeThePackDoesNotUse() {
      assertThat(
              answers.problems(
                  "PATCH",
                  USER,
                  412,
                  JSON,
                  "{\"error\":\"stale\",\"error_description\":\"read it again\"}"))
          .isNotEmpty();
    }

    @Test
    void refusesADocumentWithoutItsRequiredETag() {
      assertThat(answers.problems("GET", ME, 200, DOCUMENT_HEADERS, SELF_DOCUMENT)).isEmpty();

      Map<String, List<String>> noETag = new HashMap<>(DOCUMENT_HEADERS);
      noETag.remove("ETag");
      assertThat(answers.problems("GET", ME, 200, noETag, SELF_DOCUMENT)).isNotEmpty();
    }

    @Test
    void refusesANamespaceTheUserMustNeverSee() {
      String leaking = SELF_DOCUMENT.replace("{\"profile\"", "{\"app_metadata\":{},\"profile\"");
      assertThat(answers.problems("GET", ME, 200, DOCUMENT_HEADERS, leaking)).isNotEmpty();
    }

    @Test
    void refusesAMediaTypeTheOperationDoesNotDocument() {
      assertThat(
              answers.problems(
                  "GET",
                  USER,
                  404,
                  Map.of("Content-Type", List.of("text/plain")),
                  "{\"error\":\"not_found\",\"error_description\":\"no user\"}"))
          .isNotEmpty();
    }

    @Test
    void refusesABodyWhereTheDocumentShowsNone() {
      String webhook = "/admin/realms/{realm}/user-data/webhooks/{id}";
      assertThat(answers.problems("DELETE", webhook, 204, Map.of(), "")).isEmpty();
      assertThat(answers.problems("DELETE", webhook, 204, JSON, "{}")).isNotEmpty();
    }

    @Test
    void readsNdjsonLineByLine() {
      String imports = "/admin/realms/{realm}/user-data/import";
      Map<String, List<String>> ndjson =
          Map.of(
              "Content-Type", List.of("application/x-ndjson; charset=utf-8"),
              "Cache-Control", List.of("no-store"));
      assertThat(
              answers.problems(
                  "POST",
                  imports,
                  200,
                  ndjson,
                  "{\"line\":1,\"result\":\"created\",\"id\":\"u1\"}\n"
                      + "{\"line\":2,\"result\":\"error\",\"error_description\":\"bad\"}\n"))
          .isEmpty();
      assertThat(
              answers.problems(
                  "POST", imports, 200, ndjson, "{\"line\":1,\"result\":\"imported\"}\n"))
          .isNotEmpty();
      assertThat(answers.problems("POST", imports, 200, ndjson, "{\"line\":1,\n")).isNotEmpty();
    }
  }
}
