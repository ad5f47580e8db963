package io.kcuserdata.events.webhooks.dispatch;

/** What a delivery attempt means for the message and its endpoint. */
public enum Verdict {
  /** 2xx: the receiver has it. */
  DELIVERED,
  /** 410 Gone: the receiver asks never to be called again; the endpoint is disabled. */
  GONE,
  /** Anything else, transport errors included: try again per the schedule. */
  RETRY;

  public static Verdict of(Integer status) {
    if (status == null) {
      return RETRY;
    }
    if (status >= 200 && status < 300) {
      return DELIVERED;
    }
    return status == 410 ? GONE : RETRY;
  }
}
