package io.kcuserdata.themes.progressive.action;

import io.kcuserdata.core.namespace.NamespaceKind;
import io.kcuserdata.core.validation.ClaimFormat;
import io.kcuserdata.themes.progressive.CollectedAttribute;
import io.kcuserdata.themes.progressive.Prompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.userprofile.AttributeMetadata;

/** Renders the prompt: the asked fields, what the person typed, and the errors next to them. */
final class PromptPage {

  /** The template, shipped in the JAR's {@code theme-resources/templates} for every login theme. */
  static final String TEMPLATE = "userdata-progressive-profile.ftl";

  /** The attribute the template reads. */
  static final String BEAN = "userdataPrompt";

  private PromptPage() {}

  static LoginFormsProvider form(
      RequiredActionContext context,
      UserValues values,
      Prompt prompt,
      boolean skippable,
      Map<String, String> typed,
      List<FormMessage> errors) {
    List<PromptField> fields = new ArrayList<>();
    int index = 0;
    for (CollectedAttribute attribute : prompt.fields()) {
      AttributeMetadata metadata = values.metadata(attribute.name());
      String displayName = metadata == null ? null : metadata.getAttributeDisplayName();
      boolean declaredLabel = displayName != null && !displayName.isBlank();
      Object inputType =
          metadata == null || metadata.getAnnotations() == null
              ? null
              : metadata.getAnnotations().get("inputType");
      fields.add(
          new PromptField(
              attribute.name(),
              index++,
              declaredLabel ? displayName : PromptField.labelKey(attribute.name()),
              !declaredLabel,
              typed.getOrDefault(attribute.name(), ""),
              inputType instanceof String type ? type : formatInputType(attribute),
              !skippable));
    }
    LoginFormsProvider form = context.form();
    errors.forEach(form::addError);
    form.setAttribute(BEAN, new PromptView(fields, skippable));
    return form;
  }

  /**
   * The input for a claim with a format the realm has not declared otherwise: a browser's date
   * picker sends exactly the {@code YYYY-MM-DD} the claim needs. The form is {@code novalidate}, so
   * the server's check decides, with its message.
   */
  static String formatInputType(CollectedAttribute attribute) {
    if (attribute.data() == null || attribute.data().namespace().kind() != NamespaceKind.PROFILE) {
      return "text";
    }
    return ClaimFormat.ofProfileKey(attribute.data().key())
        .map(
            format ->
                switch (format) {
                  case URL -> "url";
                  case DATE -> "date";
                  default -> "text";
                })
        .orElse("text");
  }

  /** The template's view of the page. */
  public static final class PromptView {
    private final List<PromptField> fields;
    private final boolean skippable;

    PromptView(List<PromptField> fields, boolean skippable) {
      this.fields = List.copyOf(fields);
      this.skippable = skippable;
    }

    public List<PromptField> getFields() {
      return fields;
    }

    public boolean isSkippable() {
      return skippable;
    }
  }
}
