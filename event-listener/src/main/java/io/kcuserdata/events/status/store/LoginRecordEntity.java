package io.kcuserdata.events.status.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One successful login not yet folded into the user's {@code status}: written in the login's
 * transaction, deleted by the fold that counts it.
 */
@Entity(name = "UserDataLoginRecord")
@Table(name = "USERDATA_LOGIN_RECORD")
public class LoginRecordEntity {

  public static final int IP_LENGTH = 64;

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "REALM_ID", length = 36, nullable = false)
  private String realmId;

  @Column(name = "USER_ID", length = 255, nullable = false)
  private String userId;

  @Column(name = "LOGIN_AT", nullable = false)
  private long loginAt;

  @Column(name = "IP", length = IP_LENGTH)
  private String ip;

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

  public String getUserId() {
    return userId;
  }

  public void setUserId(String userId) {
    this.userId = userId;
  }

  public long getLoginAt() {
    return loginAt;
  }

  public void setLoginAt(long loginAt) {
    this.loginAt = loginAt;
  }

  public String getIp() {
    return ip;
  }

  public void setIp(String ip) {
    this.ip = ip;
  }
}
