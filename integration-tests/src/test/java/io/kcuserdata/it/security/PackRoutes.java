package io.kcuserdata.it.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;

/**
 * Every HTTP route the pack registers, read from its class files as JAX-RS would: from the two REST
 * roots its factories mount, through the resource methods ({@code @Path} with an HTTP method) and
 * the sub-resource locators ({@code @Path} without one), to the classes the locators return. The
 * classes are read, never loaded, so no Keycloak server classes are needed.
 */
public final class PackRoutes {

  /** The pack's REST roots, by the factory that mounts each, and where Keycloak mounts them. */
  static final Map<String, Root> ROOTS =
      Map.of(
          "io.kcuserdata.admin.userdata.UserDataAdminRootFactory",
          new Root("io.kcuserdata.admin.userdata.UserDataAdminRoot", Route.ADMIN_BASE),
          "io.kcuserdata.admin.selfservice.SelfServiceRootFactory",
          new Root("io.kcuserdata.admin.selfservice.SelfServiceRoot", Route.REALM_BASE));

  /** The service files through which Keycloak finds REST roots. */
  static final List<String> ROOT_SERVICES =
      List.of(
          "META-INF/services/org.keycloak.services.resource.RealmResourceProviderFactory",
          "META-INF/services/org.keycloak.services.resources.admin.ext"
              + ".AdminRealmResourceProviderFactory");

  record Root(String className, String base) {}

  private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
  private static final Set<String> HTTP_METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");

  private PackRoutes() {}

  /** {@code METHOD /path/{param}} for every route, sorted. */
  public static SortedSet<Route> scan() {
    SortedSet<Route> routes = new TreeSet<>();
    for (Root root : ROOTS.values()) {
      walk(root.className(), root.base(), routes, new ArrayList<>());
    }
    return routes;
  }

  /** The factories the pack registers as REST roots, from every pack JAR on the class path. */
  static SortedSet<String> registeredRootFactories() {
    SortedSet<String> factories = new TreeSet<>();
    for (String service : ROOT_SERVICES) {
      try {
        Enumeration<URL> files = PackRoutes.class.getClassLoader().getResources(service);
        for (URL file : Collections.list(files)) {
          try (BufferedReader in =
              new BufferedReader(
                  new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
            in.lines()
                .map(line -> line.replaceAll("#.*", "").trim())
                .filter(line -> line.startsWith("io.kcuserdata."))
                .forEach(factories::add);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return factories;
  }

  private static void walk(
      String className, String prefix, SortedSet<Route> routes, List<String> path) {
    if (path.contains(className)) {
      throw new IllegalStateException("resource locators loop through " + path);
    }
    path.add(className);
    ClassInfo type = read(className);
    for (MethodInfo method : type.methods()) {
      String sub = pathOf(method);
      String http = httpMethodOf(method);
      String full = sub == null ? prefix : join(prefix, sub);
      if (http != null) {
        routes.add(new Route(http, full));
      } else if (sub != null) {
        String returned = method.returnType().name().toString();
        if (!returned.startsWith("io.kcuserdata.")) {
          throw new IllegalStateException(
              "locator "
                  + className
                  + "."
                  + method.name()
                  + " returns "
                  + returned
                  + ": return the resource class itself so its routes can be checked");
        }
        walk(returned, full, routes, path);
      }
    }
    path.remove(path.size() - 1);
  }

  private static ClassInfo read(String className) {
    String file = className.replace('.', '/') + ".class";
    try (InputStream in = PackRoutes.class.getClassLoader().getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("no class file " + file + " on the test class path");
      }
      return new Indexer().index(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pathOf(MethodInfo method) {
    for (AnnotationInstance annotation : method.annotations()) {
      if (annotation.target().kind() == AnnotationTarget.Kind.METHOD
          && annotation.name().equals(PATH)) {
        return annotation.value().asString();
      }
    }
    return null;
  }

  private static String httpMethodOf(MethodInfo method) {
    for (AnnotationInstance annotation : method.annotations()) {
      String name = annotation.name().toString();
      String simple = name.substring(name.lastIndexOf('.') + 1);
      if (annotation.target().kind() == AnnotationTarget.Kind.METHOD
          && name.equals("jakarta.ws.rs." + simple)
          && HTTP_METHODS.contains(simple)) {
        return simple;
      }
    }
    return null;
  }

  /** Joins path segments as JAX-RS does, dropping regular expressions from templates. */
  static String join(String prefix, String sub) {
    String template = sub.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
    String joined = (prefix + "/" + template).replaceAll("/+", "/");
    return joined.length() > 1 && joined.endsWith("/")
        ? joined.substring(0, joined.length() - 1)
        : joined;
  }
}
