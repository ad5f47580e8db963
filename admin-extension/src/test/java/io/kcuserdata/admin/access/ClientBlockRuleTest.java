package io.kcuserdata.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.storage.NamespaceStore;
import io.kcuserdata.core.storage.UserAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClientBlockRuleTest {

  private static JsonNode status(String json) {
    return Json.parseOrNull(json);
  }

  @Nested
  class AListedClient {

    @Test
    void isBlocked() {
      assertThat(ClientBlockRule.blocks(status("{\"blocked_clients\":[\"crm\",\"shop\"]}"), "shop"))
          .isTrue();
    }

    @Test
    void isMatchedExactlyNotByCaseOrPrefix() {
      JsonNode status = status("{\"blocked_clients\":[\"shop\"]}");

      assertThat(ClientBlockRule.blocks(status, "Shop")).isFalse();
      assertThat(ClientBlockRule.blocks(status, "shop-admin")).isFalse();
      assertThat(ClientBlockRule.blocks(status, "sho")).isFalse();
    }

    @Test
    void isBlockedEvenWhenOtherElementsAreMalformed() {
      assertThat(
              ClientBlockRule.blocks(
                  status("{\"blocked_clients\":[42,null,{\"id\":\"x\"},[\"shop\"],\"shop\"]}"),
                  "shop"))
          .isTrue();
    }
  }

  @Nested
  class AnUnlistedClient {

    @Test
    void isNotBlocked() {
      assertThat(ClientBlockRule.blocks(status("{\"blocked_clients\":[\"crm\"]}"), "shop"))
          .isFalse();
    }

    @Test
    void isNotBlockedByAnEmptyList() {
      assertThat(ClientBlockRule.blocks(status("{\"blocked_clients\":[]}"), "shop")).isFalse();
    }

    @Test
    void isNotBlockedWhenTheUserHasNoStatusOrNoList() {
      assertThat(ClientBlockRule.blocks(null, "shop")).isFalse();
      assertThat(ClientBlockRule.blocks(status("{}"), "shop")).isFalse();
      assertThat(ClientBlockRule.blocks(status("{\"login_count\":3}"), "shop")).isFalse();
      assertThat(ClientBlockRule.blocks(status("{\"blocked_clients\":null}"), "shop")).isFalse();
    }

    @Test
    void isNotBlockedWhenTheLoginHasNoClientId() {
      assertThat(ClientBlockRule.blocks(status("{\"blocked_clients\":[\"shop\"]}"), null))
          .isFalse();
    }
  }

  @Nested
  class MalformedData {

    @Test
    void thatIsNotAnArrayBlocksNothing() {
      assertThat(ClientBlockRule.listed(status("{\"blocked_clients\":\"shop\"}"))).isEmpty();
      assertThat(ClientBlockRule.listed(status("{\"blocked_clients\":{\"shop\":true}}"))).isEmpty();
      assertThat(ClientBlockRule.listed(status("{\"blocked_clients\":7}"))).isEmpty();
      assertThat(ClientBlockRule.listed(status("{\"blocked_clients\":true}"))).isEmpty();
    }

    @Test
    void isIgnoredElementByElementKeepingTheStrings() {
      assertThat(
              ClientBlockRule.listed(
                  status(
                      "{\"blocked_clients\":[\"crm\",1,false,null,[\"x\"],{\"y\":1},\"shop\"]}")))
          .containsExactly("crm", "shop");
    }

    @Test
    void thatIsAStatusNamespaceOfAnotherShapeBlocksNothing() {
      assertThat(ClientBlockRule.listed(status("[\"shop\"]"))).isEmpty();
      assertThat(ClientBlockRule.listed(status("\"shop\""))).isEmpty();
    }
  }

  @Nested
  class AsStoredOnTheUser {

    @Test
    void theListTheStorageWritesIsTheListTheGuardReads() {
      FakeUser user = new FakeUser();
      NamespaceStore.write(
          user,
          Namespace.STATUS,
          (com.fasterxml.jackson.databind.node.ObjectNode)
              status("{\"blocked_clients\":[\"crm\",\"shop\"],\"login_count\":2}"));

      JsonNode stored = NamespaceStore.readAll(user).get(Namespace.STATUS);

      assertThat(ClientBlockRule.blocks(stored, "shop")).isTrue();
      assertThat(ClientBlockRule.blocks(stored, "portal")).isFalse();
    }

    @Test
    void aListWrittenAsPlainTextByAnotherWriterBlocksNothing() {
      // No _json marker: the value reads back as the string "[\"shop\"]", not as an array.
      FakeUser user = new FakeUser();
      user.set("status.blocked_clients", List.of("[\"shop\"]"));

      assertThat(ClientBlockRule.blocks(NamespaceStore.readAll(user).get(Namespace.STATUS), "shop"))
          .isFalse();
    }

    @Test
    void aMultiValuedAttributeFromAnotherWriterReadsAsAList() {
      FakeUser user = new FakeUser();
      user.set("status.blocked_clients", List.of("crm", "shop"));

      assertThat(ClientBlockRule.blocks(NamespaceStore.readAll(user).get(Namespace.STATUS), "shop"))
          .isTrue();
    }
  }

  private static final class FakeUser implements UserAttributes {
    private final Map<String, List<String>> attributes = new HashMap<>();

    @Override
    public Map<String, List<String>> all() {
      return attributes;
    }

    @Override
    public void set(String name, List<String> values) {
      attributes.put(name, values);
    }

    @Override
    public void remove(String name) {
      attributes.remove(name);
    }
  }
}
