package io.kcuserdata.events.webhooks.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One delivery attempt of a message, for the delivery log. */
@Entity(name = "UserDataWebhookAttempt")
@Table(name = "USERDATA_WH_ATTEMPT")
public class AttemptEntity {

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "MESSAGE_ID", length = 40, nullable = false)
  private String messageId;

  @Column(name = "ATTEMPT_NO", nullable = false)
  private int attemptNo;

  @Column(name = "ATTEMPTED_AT", nullable = false)
  private long attemptedAt;

  /** The HTTP status, or null when no response came (see {@link #error}). */
  @Column(name = "STATUS_CODE")
  private Integer statusCode;

  @Column(name = "LATENCY_MS", nullable = false)
  private long latencyMs;

  /** The first KiB of the response body. */
  @Column(name = "RESPONSE_EXCERPT", length = 2048)
  private String responseExcerpt;

  @Column(name = "ERROR", length = 255)
  private String error;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getMessageId() {
    return messageId;
  }

  public void setMessageId(String messageId) {
    this.messageId = messageId;
  }

  public int getAttemptNo() {
    return attemptNo;
  }

  public void setAttemptNo(int attemptNo) {
    this.attemptNo = attemptNo;
  }

  public long getAttemptedAt() {
    return attemptedAt;
  }

  public void setAttemptedAt(long attemptedAt) {
    this.attemptedAt = attemptedAt;
  }

  public Integer getStatusCode() {
    return statusCode;
  }

  public void setStatusCode(Integer statusCode) {
    this.statusCode = statusCode;
  }

  public long getLatencyMs() {
    return latencyMs;
  }

  public void setLatencyMs(long latencyMs) {
    this.latencyMs = latencyMs;
  }

  public String getResponseExcerpt() {
    return responseExcerpt;
  }

  public void setResponseExcerpt(String responseExcerpt) {
    this.responseExcerpt = responseExcerpt;
  }

  public String getError() {
    return error;
  }

  public void setError(String error) {
    this.error = error;
  }
}
