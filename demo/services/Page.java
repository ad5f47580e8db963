/**
 * The frame of every page: the acme realm's look (the {@code userdata} login theme on Keycloak's
 * {@code keycloak.v2}: dark background, white cards under a bar in the realm's colour, Red Hat
 * fonts) and one navigation bar, so a person moves between the app, the receiver and the mail
 * without typing addresses.
 */
final class Page {

  /** The acme realm's {@code userdata.theme.primary.color}. */
  static final String BRAND_COLOUR = "#8a2be2";

  enum Section {
    APP("/", "Demo app"),
    RECEIVED("/received", "Webhooks received"),
    MAIL("/mail", "Mail");

    final String path;
    final String label;

    Section(String path, String label) {
      this.path = path;
      this.label = label;
    }
  }

  private static volatile String keycloakBrowserUrl = "http://localhost:8080";

  private Page() {}

  static void keycloakAt(String browserUrl) {
    keycloakBrowserUrl = browserUrl;
  }

  static String render(String title, Section current, String body) {
    StringBuilder nav = new StringBuilder();
    for (Section section : Section.values()) {
      nav.append("<a href=\"")
          .append(section.path)
          .append('"')
          .append(section == current ? " class=\"current\" aria-current=\"page\"" : "")
          .append(" id=\"nav-")
          .append(section.name().toLowerCase())
          .append("\">")
          .append(section.label)
          .append("</a>");
    }
    nav.append("<a href=\"")
        .append(escape(keycloakBrowserUrl))
        .append("/admin/\" id=\"nav-admin\">Admin console</a>");
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + escape(title)
        + " · kc-userdata demo</title><style>"
        + CSS
        + "</style></head><body><header class=\"top\"><span class=\"brand\">Acme <small>kc-userdata"
        + " demo</small></span><nav>"
        + nav
        + "</nav></header><main>"
        + body
        + "</main></body></html>";
  }

  static String error(int status, String reason) {
    return render(
        "Error " + status,
        null,
        "<section class=\"card\" id=\"error\"><h1>Something went wrong</h1><p class=\"status\">HTTP"
            + " "
            + status
            + "</p><p id=\"reason\">"
            + escape(reason)
            + "</p><div class=\"actions\">"
            + "<a class=\"button primary\" href=\"/login\">Sign in again</a>"
            + "<a class=\"button\" href=\"/\">Demo app</a></div></section>");
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static final String CSS =
      """
      @font-face { font-family: "RH Text"; font-weight: 400; src: url(/assets/fonts/RedHatText-Regular.woff2) format("woff2"); }
      @font-face { font-family: "RH Text"; font-weight: 500 700; src: url(/assets/fonts/RedHatText-Medium.woff2) format("woff2"); }
      @font-face { font-family: "RH Display"; font-weight: 400 700; src: url(/assets/fonts/RedHatDisplay-Medium.woff2) format("woff2"); }
      @font-face { font-family: "RH Mono"; src: url(/assets/fonts/RedHatMono-Regular.woff2) format("woff2"); }
      :root { --primary: %s; --text: #151515; --muted: #6a6e73; --line: #d2d2d2; --tint: #f4ecfc; }
      * { box-sizing: border-box; }
      html { background: #151515; }
      body { margin: 0; min-height: 100vh; color: var(--text); overflow-wrap: anywhere;
        font: 15px/1.5 "RH Text", "Red Hat Text", "Liberation Sans", Arial, sans-serif;
        background: #151515 url(/assets/background.svg) no-repeat center center fixed; background-size: cover; }
      header.top { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 28px; padding: 14px 32px; color: #fff; }
      .brand { font-family: "RH Display", "Red Hat Display", sans-serif; font-size: 20px; letter-spacing: .18em; text-transform: uppercase; }
      .brand small { font-size: 12px; letter-spacing: .12em; opacity: .7; margin-left: 6px; }
      nav { display: flex; flex-wrap: wrap; gap: 4px; }
      nav a { color: #fff; opacity: .8; text-decoration: none; padding: 4px 10px; border-bottom: 3px solid transparent; }
      nav a:hover { opacity: 1; }
      nav a.current { opacity: 1; border-bottom-color: var(--primary); }
      main { max-width: 1216px; margin: 0 auto; padding: 4px 32px 40px; }
      .card { background: #fff; border-top: 4px solid var(--primary); padding: 18px 24px; margin-bottom: 16px;
        box-shadow: 0 4px 16px rgba(0,0,0,.35); min-width: 0; }
      h1, h2, h3 { font-family: "RH Display", "Red Hat Display", sans-serif; font-weight: 500; margin: 0; }
      h1 { font-size: 26px; }
      h2 { font-size: 18px; margin-bottom: 6px; }
      h3 { font-size: 15px; margin: 12px 0 4px; }
      p { margin: 6px 0; }
      a { color: var(--primary); }
      .muted, .source { color: var(--muted); }
      .source { font-size: 13px; margin: 8px 0 0; padding-left: 18px; }
      .source li { margin: 2px 0; }
      .headline { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 12px; }
      .actions { display: flex; flex-wrap: wrap; gap: 8px; }
      .button { display: inline-block; padding: 6px 16px; border: 1px solid var(--primary); border-radius: 3px;
        color: var(--primary); background: #fff; text-decoration: none; white-space: nowrap; }
      .button.primary { background: var(--primary); color: #fff; }
      .button:hover { filter: brightness(.92); }
      a:focus-visible, .button:focus-visible { outline: 3px solid var(--primary); outline-offset: 2px; }
      .grid { display: grid; gap: 16px; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); }
      .grid > .card { margin-bottom: 0; }
      .section-title { color: #fff; font-size: 14px; letter-spacing: .08em; text-transform: uppercase; margin: 20px 0 8px; opacity: .85; }
      .claim { background: linear-gradient(#fff, #fff) padding-box; }
      .claim h2 code { color: var(--primary); font-size: 18px; }
      .claim .tag { float: right; font-size: 12px; color: var(--primary); background: var(--tint); padding: 1px 8px; border-radius: 10px; }
      pre, code { font-family: "RH Mono", "Red Hat Mono", "DejaVu Sans Mono", monospace; font-size: 13px; }
      pre { margin: 0; padding: 10px 12px; background: #f5f5f5; border-left: 3px solid var(--line);
        white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word; }
      .claim pre { border-left-color: var(--primary); background: var(--tint); }
      pre .k { color: #5b1a9c; } pre .s { color: #1e6b2f; } pre .n { color: #a3470b; } pre .b { color: #0b5ea3; }
      table { width: 100%%; border-collapse: collapse; table-layout: fixed; }
      th, td { text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
      th { font-weight: 500; color: var(--muted); font-size: 13px; }
      .badge { display: inline-block; padding: 1px 10px; border-radius: 10px; font-size: 13px; white-space: nowrap; }
      .badge.ok { background: #e9f7df; color: #1e4f18; }
      .badge.bad { background: #faeae8; color: #7d1007; }
      .notice { border-left: 4px solid var(--primary); background: var(--tint); padding: 8px 14px; margin: 8px 0; }
      .status { color: var(--muted); margin: 0; }
      .mail-head { display: grid; grid-template-columns: 90px 1fr; gap: 2px 12px; font-size: 14px; margin-bottom: 10px; }
      .mail-head dt { color: var(--muted); } .mail-head dd { margin: 0; overflow-wrap: anywhere; }
      .mail-links { list-style: none; margin: 6px 0 0; padding: 0; }
      .mail-links li { display: flex; align-items: center; gap: 12px; margin: 4px 0; min-width: 0; }
      .mail-links code { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; }
      .mail-text a { overflow-wrap: anywhere; }
      .small { font-size: 12px; }
      @media (max-width: 700px) { main { padding: 4px 12px 24px; } header.top { padding: 12px; } }
      """
          .formatted(BRAND_COLOUR);
}
