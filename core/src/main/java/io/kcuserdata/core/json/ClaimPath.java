package io.kcuserdata.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A path into a claim set: {@code address.country}, {@code groups[0]}, {@code a.b[2].c}; {@code \.}
 * is a literal dot ({@code https://example\.com/roles}).
 */
public final class ClaimPath {

  /** One step: a member name, or an array index. */
  sealed interface Step permits Member, Index {}

  record Member(String name) implements Step {}

  record Index(int index) implements Step {}

  private final String text;
  private final List<Step> steps;

  private ClaimPath(String text, List<Step> steps) {
    this.text = text;
    this.steps = List.copyOf(steps);
  }

  /**
   * @throws IllegalArgumentException saying what is wrong, for a config error message
   */
  public static ClaimPath parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the claim path is empty");
    }
    List<Step> steps = new ArrayList<>();
    StringBuilder name = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '.') {
        name.append('.');
        i += 2;
      } else if (c == '.') {
        addMember(steps, name, text, i);
        i++;
      } else if (c == '[') {
        if (name.length() > 0) {
          steps.add(new Member(name.toString()));
          name.setLength(0);
        } else if (steps.isEmpty() || i > 0 && text.charAt(i - 1) == '.') {
          throw new IllegalArgumentException("an index needs a claim before it, at position " + i);
        }
        int close = text.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException("'[' without ']' at position " + i);
        }
        steps.add(new Index(index(text.substring(i + 1, close), i)));
        i = close + 1;
        if (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
          throw new IllegalArgumentException("'.' or '[' expected after ']' at position " + i);
        }
        if (i < text.length() && text.charAt(i) == '.') {
          i++;
          if (i == text.length()) {
            throw new IllegalArgumentException("an empty name at the end of the path");
          }
        }
      } else {
        name.append(c);
        i++;
      }
    }
    if (name.length() > 0) {
      steps.add(new Member(name.toString()));
    } else if (text.endsWith(".") && !text.endsWith("\\.")) {
      throw new IllegalArgumentException("an empty name at the end of the path");
    }
    return new ClaimPath(text, steps);
  }

  private static void addMember(List<Step> steps, StringBuilder name, String text, int at) {
    if (name.length() == 0) {
      throw new IllegalArgumentException(
          "an empty name at position " + at + " (use \\. for a dot inside a name)");
    }
    steps.add(new Member(name.toString()));
    name.setLength(0);
  }

  private static int index(String digits, int at) {
    if (!digits.matches("[0-9]{1,6}")) {
      throw new IllegalArgumentException("an array index is a number, at position " + at);
    }
    return Integer.parseInt(digits);
  }

  /** The value at this path, or empty when any step is missing (JSON null counts as missing). */
  public Optional<JsonNode> find(JsonNode root) {
    JsonNode node = root;
    for (Step step : steps) {
      if (node == null) {
        return Optional.empty();
      }
      if (step instanceof Member member) {
        node = node.isObject() ? node.get(member.name()) : null;
      } else {
        node = node.isArray() ? node.get(((Index) step).index()) : null;
      }
    }
    return node == null || node.isNull() || node.isMissingNode()
        ? Optional.empty()
        : Optional.of(node);
  }

  /** The first member's name: how a SAML attribute or a flat claim is looked up. */
  public String head() {
    return steps.get(0) instanceof Member m ? m.name() : text;
  }

  List<Step> steps() {
    return steps;
  }

  /** This path without its first step: where to look inside what the first step found. */
  public ClaimPath rest() {
    return new ClaimPath(text, steps.subList(1, steps.size()));
  }

  @Override
  public String toString() {
    return text;
  }
}
