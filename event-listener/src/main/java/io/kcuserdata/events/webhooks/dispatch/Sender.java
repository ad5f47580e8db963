package io.kcuserdata.events.webhooks.dispatch;

import io.kcuserdata.core.signing.WebhookSecret;
import java.net.URI;
import java.util.List;

/** Sends one signed message; never throws for what the receiver or the network does. */
public interface Sender extends AutoCloseable {

  AttemptResult send(URI url, String messageId, byte[] body, List<WebhookSecret> secrets);

  @Override
  void close();
}
