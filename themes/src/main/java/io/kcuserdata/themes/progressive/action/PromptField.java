package io.kcuserdata.themes.progressive.action;

import java.util.Set;

/**
 * One field of the prompt page as the template renders it. Getters, because FreeMarker reads beans.
 */
public final class PromptField {

  /** Input types a declared attribute's {@code inputType} annotation may choose; else text. */
  static final Set<String> INPUT_TYPES = Set.of("text", "email", "tel", "url", "date", "number");

  private final String name;
  private final int index;
  private final String label;
  private final boolean labelIsKey;
  private final String value;
  private final String inputType;
  private final boolean required;

  PromptField(
      String name,
      int index,
      String label,
      boolean labelIsKey,
      String value,
      String inputType,
      boolean required) {
    this.name = name;
    this.index = index;
    this.label = label;
    this.labelIsKey = labelIsKey;
    this.value = value;
    this.inputType = INPUT_TYPES.contains(inputType) ? inputType : "text";
    this.required = required;
  }

  /** The form field's name: the attribute. */
  public String getName() {
    return name;
  }

  /** An id safe in HTML and CSS whatever the attribute is called. */
  public String getId() {
    return "userdata-field-" + index;
  }

  /**
   * The label: a message key the template resolves ({@link #isLabelIsKey()}), or a display name
   * from the user profile ({@code ${…}} references resolved by the template's advancedMsg).
   */
  public String getLabel() {
    return label;
  }

  public boolean isLabelIsKey() {
    return labelIsKey;
  }

  /** What the person typed before an error, so a correction keeps their other answers. */
  public String getValue() {
    return value;
  }

  public String getInputType() {
    return inputType;
  }

  public boolean isRequired() {
    return required;
  }

  /** The key for a namespaced attribute's label: {@code userdataField.user_metadata.language}. */
  static String labelKey(String attribute) {
    return "userdataField." + attribute;
  }

  /** The last part of the attribute, words apart: a label when no translation names it. */
  public String getFallbackLabel() {
    String key = name.substring(name.lastIndexOf('.') + 1).replace('_', ' ').replace('-', ' ');
    return key.isEmpty() ? name : Character.toUpperCase(key.charAt(0)) + key.substring(1);
  }
}
