package io.kcuserdata.admin.testing;

import static io.kcuserdata.admin.testing.StubRuntimeDelegate.unsupported;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Keeps the status, media type and entity an {@code ApiError} sets; refuses everything else. */
final class StubResponseBuilder extends Response.ResponseBuilder {

  private int status;
  private MediaType type;
  private Object entity;

  @Override
  public Response build() {
    return new StubResponse(status, type, entity);
  }

  @Override
  public Response.ResponseBuilder status(int status) {
    this.status = status;
    return this;
  }

  @Override
  public Response.ResponseBuilder status(int status, String reasonPhrase) {
    return status(status);
  }

  @Override
  public Response.ResponseBuilder entity(Object entity) {
    this.entity = entity;
    return this;
  }

  @Override
  public Response.ResponseBuilder entity(Object entity, Annotation[] annotations) {
    return entity(entity);
  }

  @Override
  public Response.ResponseBuilder type(MediaType type) {
    this.type = type;
    return this;
  }

  @Override
  public Response.ResponseBuilder type(String type) {
    return type(MediaType.valueOf(type));
  }

  @Override
  @SuppressWarnings("MethodDoesntCallSuperMethod")
  public Response.ResponseBuilder clone() {
    throw unsupported();
  }

  @Override
  public Response.ResponseBuilder allow(String... methods) {
    throw unsupported();
  }

  @Override
  public Response.ResponseBuilder allow(Set<String> methods) {
    throw unsupported();
  }

  @Override
  public Response.ResponseBuilder cacheControl(CacheControl cacheControl) {
    throw unsupported();
  }

  @Override
  public Response.ResponseBuilder encoding(String encoding) {
    throw unsupported();
  }

  @Override
  public Response.ResponseBuilder header(String name, Object value) {
    throw unsupported();
  }

  @Override
  public Response.ResponseBuilder replaceAll(MultivaluedMap<String, Object> headers) {
    throw unsupported();
  }

  @Override
  public Response.ResponseBuilder language(String language) {
    throw unsupported();
  }

  @Override
  public Response.ResponseBuilder language(Locale language) {
    throw unsupported();
  }

  @Override
  public Response.ResponseBuilder variant(Variant variant) {
    throw unsupported();
  }

  @Override
  public Response.ResponseBuilder contentLocation(URI location) {
    throw unsupported();
  }

  @Override
  public Response.ResponseBuilder cookie(NewCookie... cookies) {
    throw unsupported();
  }

  @Override
  public Response.ResponseBuilder expires(Date expires) {
    throw unsupported();
  }

  @Override
  public Response.ResponseBuilder lastModified(Date lastModified) {
    throw unsupported();
  }

  @Override
  public Response.ResponseBuilder location(URI location) {
    throw unsupported();
  }

  @Override
  public Response.ResponseBuilder tag(EntityTag tag) {
    throw unsupported();
  }

  @Override
  public Response.ResponseBuilder tag(String tag) {
    throw unsupported();
  }

  @Override
  public Response.ResponseBuilder variants(Variant... variants) {
    throw unsupported();
  }

  @Override
  public Response.ResponseBuilder variants(List<Variant> variants) {
    throw unsupported();
  }

  @Override
  public Response.ResponseBuilder links(Link... links) {
    throw unsupported();
  }

  @Override
  public Response.ResponseBuilder link(URI uri, String rel) {
    throw unsupported();
  }

  @Override
  public Response.ResponseBuilder link(String uri, String rel) {
    throw unsupported();
  }
}
