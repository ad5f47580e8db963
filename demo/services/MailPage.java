import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /mail}: what the mail catcher received, newest first, each with its links clickable
 * (bob's verification link is how his path goes on). {@code /mail.json} has the same list.
 */
final class MailPage {

  private final NdjsonFile mails;
  private final String smtpAddress;

  MailPage(NdjsonFile mails, String smtpAddress) {
    this.mails = mails;
    this.smtpAddress = smtpAddress;
  }

  void listJson(HttpExchange exchange) throws Exception {
    Http.json(exchange, 200, mails.newestFirst());
  }

  void listPage(HttpExchange exchange) throws Exception {
    List<Map<String, Object>> entries = mails.newestFirst();
    StringBuilder cards = new StringBuilder();
    int index = 0;
    for (Map<String, Object> mail : entries) {
      index++;
      cards
          .append("<section class=\"card mail\" id=\"mail-")
          .append(index)
          .append("\" data-to=\"")
          .append(Page.escape(recipients(mail)))
          .append("\"><h2>")
          .append(Page.escape(text(mail.get("subject"), "(no subject)")))
          .append("</h2>")
          .append("<dl class=\"mail-head\"><dt>Received</dt><dd>")
          .append(Page.escape(WebhookReceiver.shown(mail.get("received_at"))))
          .append("</dd><dt>From</dt><dd>")
          .append(Page.escape(text(mail.get("from"), text(mail.get("envelope_from"), ""))))
          .append("</dd><dt>To</dt><dd>")
          .append(Page.escape(recipients(mail)))
          .append("</dd></dl>");
      if (mail.get("links") instanceof List<?> links && !links.isEmpty()) {
        cards.append("<h3>Links in this mail</h3><ul class=\"mail-links\">");
        for (Object link : links) {
          String url = String.valueOf(link);
          if (url.startsWith("http://") || url.startsWith("https://")) {
            cards
                .append("<li><a class=\"button primary mail-link\" href=\"")
                .append(Page.escape(url))
                .append("\">Open</a> <code class=\"muted small\" title=\"")
                .append(Page.escape(url))
                .append("\">")
                .append(Page.escape(shortened(url)))
                .append("</code></li>");
          }
        }
        cards.append("</ul>");
      }
      cards
          .append("<h3>Text</h3><pre class=\"mail-text\">")
          .append(linkified(text(mail.get("text"), "")))
          .append("</pre></section>");
    }
    String problem = mails.problem();
    String body =
        "<section class=\"card\"><div class=\"headline\"><div><h1>Mail</h1>"
            + "<p class=\"status\" id=\"summary\">"
            + entries.size()
            + " received</p></div><div class=\"actions\"><a class=\"button\" href=\"/mail.json\">As"
            + " JSON</a><a class=\"button primary\" href=\"/mail\">Refresh</a></div></div><p>The"
            + " acme realm's SMTP server (<em>Realm settings → Email</em>) is this mail catcher at"
            + " <code>"
            + Page.escape(smtpAddress)
            + "</code>: every mail Keycloak sends lands here, nothing leaves the machine. "
            + (problem == null
                ? "<span id=\"kept\">Kept in <code>"
                    + Page.escape(mails.file().toString())
                    + "</code> across restarts.</span></p>"
                : "</p><p class=\"notice\" id=\"kept\">Not everything is kept: "
                    + Page.escape(problem)
                    + "</p>")
            + (entries.isEmpty()
                ? "<p id=\"empty\">No mail yet. Sign in as <code>bob</code> through Upstream IdP:"
                    + " his unverified address gets a verification mail.</p>"
                : "")
            + "</section>"
            + cards;
    Http.html(exchange, 200, Page.render("Mail", Page.Section.MAIL, body));
  }

  private static String recipients(Map<String, Object> mail) {
    String to = text(mail.get("to"), "");
    if (!to.isBlank()) {
      return to;
    }
    return mail.get("envelope_to") instanceof List<?> list
        ? String.join(", ", list.stream().map(String::valueOf).toList())
        : "";
  }

  /** The text escaped, with each http(s) address a link. */
  static String linkified(String text) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int start = MailMessage.nextLink(text, at);
      if (start < 0) {
        out.append(Page.escape(text.substring(at)));
        return out.toString();
      }
      int end = MailMessage.linkEnd(text, start);
      String url = text.substring(start, end);
      out.append(Page.escape(text.substring(at, start)))
          .append("<a href=\"")
          .append(Page.escape(url))
          .append("\">")
          .append(Page.escape(shortened(url)))
          .append("</a>");
      at = end;
    }
  }

  /**
   * Where a link goes, without the long query a token makes of it (the whole link is the title).
   */
  static String shortened(String url) {
    return url.length() <= 96 ? url : url.substring(0, 95) + "…";
  }

  private static String text(Object value, String fallback) {
    return value == null || value.toString().isBlank() ? fallback : value.toString();
  }
}
