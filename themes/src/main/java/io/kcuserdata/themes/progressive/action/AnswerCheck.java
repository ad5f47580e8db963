package io.kcuserdata.themes.progressive.action;

import io.kcuserdata.themes.progressive.Answers;
import io.kcuserdata.themes.progressive.ProgressiveProfileSettings;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.userprofile.ValidationException;

/**
 * What is wrong with a prompt's answers, field by field, before anything is written: a required
 * field left empty, a value too long to hand on, then the user profile's own validators.
 */
final class AnswerCheck {

  static final String REQUIRED = "error-user-attribute-required";
  static final String TOO_LONG = "userdataProgressiveProfileTooLong";

  private AnswerCheck() {}

  static List<FormMessage> errors(
      ProgressiveProfileSettings settings, UserValues values, Answers answers) {
    List<FormMessage> errors = new ArrayList<>();
    if (!settings.skippable()) {
      answers.blank().forEach(name -> errors.add(new FormMessage(name, REQUIRED)));
    }
    answers
        .values()
        .forEach(
            (name, value) -> {
              if (Answers.tooLong(value)) {
                errors.add(new FormMessage(name, TOO_LONG));
              }
            });
    if (errors.isEmpty()) {
      for (ValidationException.Error error : values.validate(answers.values())) {
        errors.add(
            new FormMessage(
                error.getAttribute(), error.getMessage(), error.getMessageParameters()));
      }
    }
    return errors;
  }
}
