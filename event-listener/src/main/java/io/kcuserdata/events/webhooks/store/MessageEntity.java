package io.kcuserdata.events.webhooks.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Nationalized;

/**
 * One event for one endpoint: the outbox row. {@code PAYLOAD} is the exact JSON text signed and
 * sent (as UTF-8) on every attempt, so retries carry the same bytes and the same {@code
 * webhook-id}.
 */
@Entity(name = "UserDataWebhookMessage")
@Table(name = "USERDATA_WH_MESSAGE")
public class MessageEntity {

  public static final String PENDING = "PENDING";
  public static final String DELIVERED = "DELIVERED";
  public static final String FAILED = "FAILED";

  /** The {@code webhook-id}: {@code msg_} and 32 hex digits. */
  @Id
  @Column(name = "ID", length = 40)
  private String id;

  @Column(name = "ENDPOINT_ID", length = 36, nullable = false)
  private String endpointId;

  @Column(name = "REALM_ID", length = 36, nullable = false)
  private String realmId;

  @Column(name = "EVENT_TYPE", length = 64, nullable = false)
  private String eventType;

  @Nationalized
  @Column(name = "PAYLOAD", nullable = false)
  private String payload;

  @Column(name = "STATUS", length = 16, nullable = false)
  private String status;

  @Column(name = "ATTEMPTS", nullable = false)
  private int attempts;

  @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
  private long nextAttemptAt;

  @Column(name = "LEASE_OWNER", length = 64)
  private String leaseOwner;

  @Column(name = "LEASE_UNTIL")
  private Long leaseUntil;

  @Column(name = "CREATED_AT", nullable = false)
  private long createdAt;

  @Column(name = "FINISHED_AT")
  private Long finishedAt;

  @Column(name = "LAST_STATUS")
  private Integer lastStatus;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getEndpointId() {
    return endpointId;
  }

  public void setEndpointId(String endpointId) {
    this.endpointId = endpointId;
  }

  public String getRealmId() {
    return realmId;
  }

  public void setRealmId(String realmId) {
    this.realmId = realmId;
  }

  public String getEventType() {
    return eventType;
  }

  public void setEventType(String eventType) {
    this.eventType = eventType;
  }

  public String getPayload() {
    return payload;
  }

  public void setPayload(String payload) {
    this.payload = payload;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public int getAttempts() {
    return attempts;
  }

  public void setAttempts(int attempts) {
    this.attempts = attempts;
  }

  public long getNextAttemptAt() {
    return nextAttemptAt;
  }

  public void setNextAttemptAt(long nextAttemptAt) {
    this.nextAttemptAt = nextAttemptAt;
  }

  public String getLeaseOwner() {
    return leaseOwner;
  }

  public void setLeaseOwner(String leaseOwner) {
    this.leaseOwner = leaseOwner;
  }

  public Long getLeaseUntil() {
    return leaseUntil;
  }

  public void setLeaseUntil(Long leaseUntil) {
    this.leaseUntil = leaseUntil;
  }

  public long getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(long createdAt) {
    this.createdAt = createdAt;
  }

  public Long getFinishedAt() {
    return finishedAt;
  }

  public void setFinishedAt(Long finishedAt) {
    this.finishedAt = finishedAt;
  }

  public Integer getLastStatus() {
    return lastStatus;
  }

  public void setLastStatus(Integer lastStatus) {
    this.lastStatus = lastStatus;
  }
}
