package io.kcuserdata.themes.progressive.action;

import io.kcuserdata.core.error.InvalidUserDataException;
import io.kcuserdata.themes.progressive.Answers;
import io.kcuserdata.themes.progressive.CollectedAttribute;
import io.kcuserdata.themes.progressive.ProgressiveProfileSettings;
import io.kcuserdata.themes.progressive.Prompt;
import io.kcuserdata.themes.progressive.PromptState;
import io.kcuserdata.themes.progressive.UnexpectedFieldException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.utils.FormMessage;

/**
 * Asks a signed-in person for a few of the attributes the realm wants and they have not given yet,
 * a few at a time and not on every sign-in. The action adds itself to the sign-in (not to the user,
 * so a skipped prompt leaves nothing pending) when the user still misses something and the
 * configured number of sign-ins has passed since the last prompt.
 */
final class ProgressiveProfileAction implements RequiredActionProvider {

  private static final Logger LOG = Logger.getLogger(ProgressiveProfileAction.class);

  /** Marks the sign-in already counted: Keycloak evaluates triggers more than once per sign-in. */
  static final String COUNTED_NOTE = "userdata.progressive-profile.counted";

  static final String UNEXPECTED_FIELDS = "userdataProgressiveProfileUnexpectedFields";
  static final String NOT_SKIPPABLE = "userdataProgressiveProfileNotSkippable";
  static final String INVALID = "userdataProgressiveProfileInvalid";

  @Override
  public void evaluateTriggers(RequiredActionContext context) {
    ProgressiveProfileSettings settings = settings(context);
    if (settings == null || !settings.active()) {
      return;
    }
    UserValues values = values(context);
    if (!Prompt.anyMissing(settings, values::missing)) {
      // Only when set (by an admin): removing writes the user and evicts it from the cache, which
      // every sign-in of a complete profile would otherwise pay.
      if (context
          .getUser()
          .getRequiredActionsStream()
          .anyMatch(ProgressiveProfileActionFactory.ID::equals)) {
        context.getUser().removeRequiredAction(ProgressiveProfileActionFactory.ID);
      }
      return;
    }
    if (!SignInKind.interactive(context)
        || context.getAuthenticationSession().getAuthNote(COUNTED_NOTE) != null) {
      return;
    }
    context.getAuthenticationSession().setAuthNote(COUNTED_NOTE, "true");
    PromptState state = values.promptState();
    if (state.due(settings)) {
      context.getAuthenticationSession().addRequiredAction(ProgressiveProfileActionFactory.ID);
    } else {
      values.promptState(state.signedInWithoutPrompt());
    }
  }

  @Override
  public void requiredActionChallenge(RequiredActionContext context) {
    ProgressiveProfileSettings settings = settings(context);
    UserValues values = values(context);
    Prompt prompt = prompt(settings, values);
    if (prompt.empty()) {
      context.success();
      return;
    }
    context.challenge(
        PromptPage.form(context, values, prompt, settings.skippable(), Map.of(), List.of())
            .createForm(PromptPage.TEMPLATE));
  }

  @Override
  public void processAction(RequiredActionContext context) {
    ProgressiveProfileSettings settings = settings(context);
    UserValues values = values(context);
    Prompt prompt = prompt(settings, values);
    if (prompt.empty()) {
      context.success();
      return;
    }
    MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
    if (Answers.skipRequested(form)) {
      skip(context, settings, values, prompt);
      return;
    }
    Answers answers;
    try {
      answers = Answers.read(prompt, form);
    } catch (UnexpectedFieldException e) {
      // Names only, cut: the values are the person's data and the names are theirs to choose.
      LOG.warnf(
          "Progressive profile: refused a post with %d field(s) not asked for, e.g. '%s'",
          e.fields().size(), cut(e.fields().get(0)));
      retry(context, settings, values, prompt, Map.of(), List.of(), UNEXPECTED_FIELDS);
      return;
    }
    if (answers.nothingFilled() && settings.skippable()) {
      skip(context, settings, values, prompt);
      return;
    }
    List<FormMessage> errors = AnswerCheck.errors(settings, values, answers);
    if (!errors.isEmpty()) {
      retry(context, settings, values, prompt, answers.values(), errors, null);
      return;
    }
    Map<CollectedAttribute, String> chosen = new LinkedHashMap<>();
    prompt.fields().stream()
        .filter(f -> answers.values().containsKey(f.name()))
        .forEach(f -> chosen.put(f, answers.values().get(f.name())));
    Set<String> namespaces;
    try {
      namespaces = values.write(chosen);
    } catch (InvalidUserDataException e) {
      // A rule Keycloak has a validator for reads as Keycloak's own message, translated.
      String field = fieldOf(e, prompt);
      FormMessage error =
          e.messageKey()
              .map(key -> new FormMessage(field, key))
              .orElseGet(() -> new FormMessage(field, INVALID, e.rule()));
      retry(context, settings, values, prompt, answers.values(), List.of(error), null);
      return;
    }
    values.promptState(PromptState.promptedAt(Instant.now()));
    PromptEvents.saved(context, chosen, namespaces);
    context.success();
  }

  private static void skip(
      RequiredActionContext context,
      ProgressiveProfileSettings settings,
      UserValues values,
      Prompt prompt) {
    if (!settings.skippable()) {
      retry(context, settings, values, prompt, Map.of(), List.of(), NOT_SKIPPABLE);
      return;
    }
    values.promptState(PromptState.promptedAt(Instant.now()));
    context.success();
  }

  private static void retry(
      RequiredActionContext context,
      ProgressiveProfileSettings settings,
      UserValues values,
      Prompt prompt,
      Map<String, String> typed,
      List<FormMessage> errors,
      String pageError) {
    var form = PromptPage.form(context, values, prompt, settings.skippable(), typed, errors);
    if (pageError != null) {
      form.setError(pageError);
    }
    context.challenge(form.setStatus(Response.Status.BAD_REQUEST).createForm(PromptPage.TEMPLATE));
  }

  private static String fieldOf(InvalidUserDataException e, Prompt prompt) {
    return prompt.fields().stream()
        .map(CollectedAttribute::name)
        .filter(name -> e.where().equals(name) || e.where().startsWith(name + "."))
        .findFirst()
        .orElse(null);
  }

  private static Prompt prompt(ProgressiveProfileSettings settings, UserValues values) {
    if (settings == null) {
      return new Prompt(List.of());
    }
    return Prompt.next(settings, values::missing, values::askable);
  }

  private static UserValues values(RequiredActionContext context) {
    return new UserValues(context.getSession(), context.getRealm(), context.getUser());
  }

  /** The realm's settings, or {@code null} when unusable: a bad config must never block sign-in. */
  private static ProgressiveProfileSettings settings(RequiredActionContext context) {
    var config = context.getConfig();
    try {
      return ProgressiveProfileSettings.parse(config == null ? null : config.getConfig());
    } catch (RuntimeException e) {
      LOG.warnf(
          "Progressive profile in realm %s is not asked: %s",
          context.getRealm().getName(), e.getMessage());
      return null;
    }
  }

  private static String cut(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }

  @Override
  public void close() {}
}
