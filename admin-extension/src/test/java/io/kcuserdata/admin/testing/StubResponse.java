package io.kcuserdata.admin.testing;

import static io.kcuserdata.admin.testing.StubRuntimeDelegate.unsupported;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A built response holding only a status, a media type and an entity. */
final class StubResponse extends Response {

  private final int status;
  private final MediaType type;
  private final Object entity;

  StubResponse(int status, MediaType type, Object entity) {
    this.status = status;
    this.type = type;
    this.entity = entity;
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public StatusType getStatusInfo() {
    return Status.fromStatusCode(status);
  }

  @Override
  public Object getEntity() {
    return entity;
  }

  @Override
  public boolean hasEntity() {
    return entity != null;
  }

  @Override
  public MediaType getMediaType() {
    return type;
  }

  @Override
  public void close() {}

  @Override
  public <T> T readEntity(Class<T> entityType) {
    throw unsupported();
  }

  @Override
  public <T> T readEntity(GenericType<T> entityType) {
    throw unsupported();
  }

  @Override
  public <T> T readEntity(Class<T> entityType, Annotation[] annotations) {
    throw unsupported();
  }

  @Override
  public <T> T readEntity(GenericType<T> entityType, Annotation[] annotations) {
    throw unsupported();
  }

  @Override
  public boolean bufferEntity() {
    throw unsupported();
  }

  @Override
  public Locale getLanguage() {
    throw unsupported();
  }

  @Override
  public int getLength() {
    throw unsupported();
  }

  @Override
  public Set<String> getAllowedMethods() {
    throw unsupported();
  }

  @Override
  public Map<String, NewCookie> getCookies() {
    throw unsupported();
  }

  @Override
  public EntityTag getEntityTag() {
    throw unsupported();
  }

  @Override
  public Date getDate() {
    throw unsupported();
  }

  @Override
  public Date getLastModified() {
    throw unsupported();
  }

  @Override
  public URI getLocation() {
    throw unsupported();
  }

  @Override
  public Set<Link> getLinks() {
    throw unsupported();
  }

  @Override
  public boolean hasLink(String relation) {
    throw unsupported();
  }

  @Override
  public Link getLink(String relation) {
    throw unsupported();
  }

  @Override
  public Link.Builder getLinkBuilder(String relation) {
    throw unsupported();
  }

  @Override
  public MultivaluedMap<String, Object> getMetadata() {
    throw unsupported();
  }

  @Override
  public MultivaluedMap<String, String> getStringHeaders() {
    throw unsupported();
  }

  @Override
  public String getHeaderString(String name) {
    throw unsupported();
  }
}
