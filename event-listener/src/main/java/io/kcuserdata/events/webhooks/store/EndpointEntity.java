package io.kcuserdata.events.webhooks.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A realm's webhook endpoint; the secrets are stored sealed by {@code SecretCipher}. */
@Entity(name = "UserDataWebhookEndpoint")
@Table(name = "USERDATA_WH_ENDPOINT")
@NamedQueries({
  @NamedQuery(
      name = "userdataWebhookEndpointsOfRealm",
      query =
          "select e from UserDataWebhookEndpoint e where e.realmId = :realmId order by e.createdAt"),
  @NamedQuery(
      name = "userdataWebhookEndpointsDeleteRealm",
      query = "delete from UserDataWebhookEndpoint e where e.realmId = :realmId")
})
public class EndpointEntity {

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "REALM_ID", length = 36, nullable = false)
  private String realmId;

  @Column(name = "URL", length = 2048, nullable = false)
  private String url;

  /** Comma-separated event patterns, e.g. {@code user.*,organization.member_added}. */
  @Column(name = "EVENTS", length = 1024, nullable = false)
  private String events;

  @Column(name = "ENABLED", nullable = false)
  private boolean enabled;

  @Column(name = "DESCRIPTION", length = 255)
  private String description;

  @Column(name = "INCLUDE_APP_METADATA", nullable = false)
  private boolean includeAppMetadata;

  @Column(name = "SECRET", length = 512, nullable = false)
  private String secret;

  @Column(name = "PREVIOUS_SECRET", length = 512)
  private String previousSecret;

  /** Epoch ms until which the previous secret still signs (rotation overlap). */
  @Column(name = "PREVIOUS_SECRET_UNTIL")
  private Long previousSecretUntil;

  @Column(name = "DISABLED_REASON", length = 255)
  private String disabledReason;

  @Column(name = "CREATED_AT", nullable = false)
  private long createdAt;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getRealmId() {
    return realmId;
  }

  public void setRealmId(String realmId) {
    this.realmId = realmId;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getEvents() {
    return events;
  }

  public void setEvents(String events) {
    this.events = events;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public boolean isIncludeAppMetadata() {
    return includeAppMetadata;
  }

  public void setIncludeAppMetadata(boolean includeAppMetadata) {
    this.includeAppMetadata = includeAppMetadata;
  }

  public String getSecret() {
    return secret;
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }

  public String getPreviousSecret() {
    return previousSecret;
  }

  public void setPreviousSecret(String previousSecret) {
    this.previousSecret = previousSecret;
  }

  public Long getPreviousSecretUntil() {
    return previousSecretUntil;
  }

  public void setPreviousSecretUntil(Long previousSecretUntil) {
    this.previousSecretUntil = previousSecretUntil;
  }

  public String getDisabledReason() {
    return disabledReason;
  }

  public void setDisabledReason(String disabledReason) {
    this.disabledReason = disabledReason;
  }

  public long getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(long createdAt) {
    this.createdAt = createdAt;
  }
}
