package io.kcuserdata.admin.testing;

import jakarta.ws.rs.SeBootstrap;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.Variant;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.util.concurrent.CompletionStage;

/**
 * The least JAX-RS runtime that lets {@code ApiError} build its response in a unit test: the module
 * compiles against the API alone, and Keycloak's RESTEasy is not on the test classpath.
 */
final class StubRuntimeDelegate extends RuntimeDelegate {

  /** Installs the stub unless a real runtime is found. */
  static synchronized void installIfMissing() {
    try {
      RuntimeDelegate.getInstance();
    } catch (RuntimeException | LinkageError noRuntime) {
      RuntimeDelegate.setInstance(new StubRuntimeDelegate());
    }
  }

  static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException("not needed by the unit tests");
  }

  @Override
  public Response.ResponseBuilder createResponseBuilder() {
    return new StubResponseBuilder();
  }

  @Override
  public UriBuilder createUriBuilder() {
    throw unsupported();
  }

  @Override
  public Variant.VariantListBuilder createVariantListBuilder() {
    throw unsupported();
  }

  @Override
  public <T> T createEndpoint(Application application, Class<T> endpointType) {
    throw unsupported();
  }

  @Override
  public <T> HeaderDelegate<T> createHeaderDelegate(Class<T> type) {
    throw unsupported();
  }

  @Override
  public Link.Builder createLinkBuilder() {
    throw unsupported();
  }

  @Override
  public SeBootstrap.Configuration.Builder createConfigurationBuilder() {
    throw unsupported();
  }

  @Override
  public CompletionStage<SeBootstrap.Instance> bootstrap(
      Application application, SeBootstrap.Configuration configuration) {
    throw unsupported();
  }

  @Override
  public CompletionStage<SeBootstrap.Instance> bootstrap(
      Class<? extends Application> clazz, SeBootstrap.Configuration configuration) {
    throw unsupported();
  }

  @Override
  public EntityPart.Builder createEntityPartBuilder(String partName) {
    throw unsupported();
  }
}
