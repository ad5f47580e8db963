package io.kcuserdata.themes.progressive.action;

import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.RequiredActionContext;

/**
 * Whether a sign-in can show a page at all. A grant at the token endpoint (direct grant, CIBA, …)
 * and a silent {@code prompt=none} request have no person to ask: a pending required action would
 * make Keycloak refuse them ("Account is not fully set up", {@code interaction_required}), so the
 * prompt is neither added nor counted there.
 */
final class SignInKind {

  /** The token endpoint's path ends so in every protocol Keycloak serves grants from. */
  static final String TOKEN_ENDPOINT = "/token";

  static final String PROMPT_NONE = "none";

  private SignInKind() {}

  static boolean interactive(RequiredActionContext context) {
    String path = context.getSession().getContext().getUri().getPath();
    if (path != null && path.endsWith(TOKEN_ENDPOINT)) {
      return false;
    }
    String prompt = context.getAuthenticationSession().getClientNote(OAuth2Constants.PROMPT);
    return prompt == null || !prompt.contains(PROMPT_NONE);
  }
}
