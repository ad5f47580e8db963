package io.kcuserdata.it.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Run in a JVM of its own on the Keycloak distribution's class path plus the pack's JAR (see {@link
 * PackContract}): lists what the pack registers, as Keycloak would find it, on standard output.
 *
 * <ul>
 *   <li>{@code provider <spi> <id> <factory class>} for every factory in the JAR's service files,
 *       the SPI found as Keycloak finds it (the {@code Spi} whose factory type the file names);
 *   <li>{@code option <spi> <id> <key>}: an SPI option, from the factory's {@code
 *       getConfigMetadata()} and from every key its {@code init} reads (the factory is initialised
 *       against a recording configuration, global {@code Config.scope(…)} reads included);
 *   <li>{@code config <spi> <id> <key>}: a key of the per-realm configuration an admin sets on it
 *       (mapper, authenticator, required action, console page);
 *   <li>{@code event <type>}: a webhook event type's wire name;
 *   <li>{@code problem <text>}: something that could not be read, which the test reports.
 * </ul>
 *
 * <p>Reflection only, so the test sources need no Keycloak server classes; only factories and
 * methods the pack itself declares count (Keycloak's own options of a factory the pack extends are
 * Keycloak's to document).
 */
public final class ProviderDump {

  private static final String PACK = "io.kcuserdata.";
  private static final String EVENT_TYPES =
      "io.kcuserdata.events.webhooks.catalog.WebhookEventType";

  private final ClassLoader loader = ProviderDump.class.getClassLoader();
  private final PrintStream out;
  private final Set<String> reads = new LinkedHashSet<>();

  private ProviderDump(PrintStream out) {
    this.out = out;
  }

  /** {@code args[0]}: the pack's JAR, whose service files name the factories. */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    // Whatever the factories log goes to standard error; standard output is the listing only.
    System.setOut(System.err);
    new ProviderDump(out).dump(args[0]);
    out.flush();
    // A factory's init may have started threads; the listing is complete.
    System.exit(0);
  }

  private void dump(String jar) throws Exception {
    Map<String, String> spiByFactoryType = spis();
    installRecordingConfig();
    try (ZipFile zip = new ZipFile(jar)) {
      for (ZipEntry entry : zip.stream().toList()) {
        String name = entry.getName();
        if (!name.startsWith("META-INF/services/") || entry.isDirectory()) {
          continue;
        }
        String type = name.substring("META-INF/services/".length());
        String spi = spiByFactoryType.get(type);
        for (String factory : lines(zip, entry)) {
          if (spi == null) {
            if (type.startsWith("org.keycloak.") && !type.equals("org.keycloak.provider.Spi")) {
              problem("no Keycloak SPI takes " + type + " (listed for " + factory + ")");
            }
            continue;
          }
          provider(spi, factory);
        }
      }
    }
    events();
  }

  /** Every SPI on the class path, by the factory type its service files name. */
  private Map<String, String> spis() throws ClassNotFoundException {
    Class<?> spiType = Class.forName("org.keycloak.provider.Spi", true, loader);
    Map<String, String> spis = new LinkedHashMap<>();
    Iterator<?> all = java.util.ServiceLoader.load(spiType, loader).iterator();
    while (true) {
      Object spi;
      try {
        if (!all.hasNext()) {
          break;
        }
        spi = all.next();
      } catch (Throwable unusable) {
        // An SPI of Keycloak's that needs the running server; the pack's are plain.
        continue;
      }
      try {
        String name = (String) call(spi, "getName");
        Class<?> factoryType = (Class<?>) call(spi, "getProviderFactoryClass");
        spis.put(factoryType.getName(), name);
      } catch (ReflectiveOperationException | RuntimeException e) {
        continue;
      }
    }
    return spis;
  }

  private void provider(String spi, String factoryClass) {
    Object factory;
    String id;
    try {
      factory = Class.forName(factoryClass, true, loader).getConstructor().newInstance();
      id = (String) call(factory, "getId");
    } catch (Throwable e) {
      problem("cannot instantiate " + factoryClass + ": " + e);
      return;
    }
    emit("provider", spi, id, factoryClass);
    boolean requiredAction =
        implementsType(factory, "org.keycloak.authentication.RequiredActionFactory");
    Set<String> options = new TreeSet<>();
    Set<String> config = new TreeSet<>();
    List<String> metadata = propertyNames(factory, "getConfigMetadata", spi, id);
    // A required action's metadata is the configuration realm admins set on it, not an option.
    (requiredAction ? config : options).addAll(metadata);
    if (implementsType(factory, "org.keycloak.provider.ConfiguredProvider")) {
      config.addAll(propertyNames(factory, "getConfigProperties", spi, id));
    }
    options.addAll(initReads(factory, spi, id));
    options.forEach(key -> emit("option", spi, id, key));
    config.forEach(key -> emit("config", spi, id, key));
  }

  /** Names of the properties a pack-declared method lists; nothing when Keycloak declares it. */
  private List<String> propertyNames(Object factory, String method, String spi, String id) {
    List<String> names = new ArrayList<>();
    try {
      Method m = factory.getClass().getMethod(method);
      if (!m.getDeclaringClass().getName().startsWith(PACK)) {
        return names;
      }
      Object list = m.invoke(factory);
      if (list == null) {
        return names;
      }
      for (Object property : (Iterable<?>) list) {
        names.add((String) call(property, "getName"));
      }
    } catch (Throwable e) {
      problem(spi + "/" + id + "." + method + "() failed: " + e);
    }
    return names;
  }

  /** The keys the factory's own {@code init} reads, wherever it reads them. */
  private Set<String> initReads(Object factory, String spi, String id) {
    reads.clear();
    try {
      Method init = method(factory.getClass(), "init");
      if (init == null || !init.getDeclaringClass().getName().startsWith(PACK)) {
        return Set.of();
      }
      init.invoke(factory, scope(spi, id));
    } catch (Throwable e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      problem(spi + "/" + id + ".init() failed with every option unset: " + cause);
    }
    Set<String> keys = new TreeSet<>();
    for (String read : reads) {
      String[] parts = read.split("\t");
      // A global Config.scope(spi, provider) read names its own provider: another's option.
      if (parts[0].equals(spi) && parts[1].equals(id)) {
        keys.add(parts[2]);
      } else {
        emit("option", parts[0], parts[1], parts[2]);
      }
    }
    return keys;
  }

  private void events() {
    try {
      Class<?> type = Class.forName(EVENT_TYPES, true, loader);
      for (Object constant : type.getEnumConstants()) {
        emit("event", (String) call(constant, "wireName"));
      }
    } catch (Throwable e) {
      problem("cannot read the webhook event types from " + EVENT_TYPES + ": " + e);
    }
  }

  /** Keycloak's global configuration replaced by one that records every key read. */
  private void installRecordingConfig() throws ReflectiveOperationException {
    Class<?> config = Class.forName("org.keycloak.Config", true, loader);
    Class<?> providerType = Class.forName("org.keycloak.Config$ConfigProvider", true, loader);
    InvocationHandler handler =
        (proxy, method, args) ->
            switch (method.getName()) {
              case "scope" -> scope((String[]) args[0]);
              case "toString" -> "recording configuration";
              case "hashCode" -> System.identityHashCode(proxy);
              case "equals" -> proxy == args[0];
              default -> null;
            };
    Object provider = Proxy.newProxyInstance(loader, new Class<?>[] {providerType}, handler);
    config.getMethod("init", providerType).invoke(null, provider);
  }

  /** A {@code Config.Scope} that records each key read and answers every read with its default. */
  private Object scope(String... path) {
    Class<?> scopeType;
    try {
      scopeType = Class.forName("org.keycloak.Config$Scope", true, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    List<String> at = List.of(path);
    InvocationHandler handler =
        (proxy, method, args) -> {
          String name = method.getName();
          switch (name) {
            case "scope":
              List<String> deeper = new ArrayList<>(at);
              deeper.addAll(Arrays.asList((String[]) args[0]));
              return scope(deeper.toArray(String[]::new));
            case "root":
              return scope();
            case "getPropertyNames":
              return Set.of();
            case "toString":
              return "scope " + at;
            case "hashCode":
              return System.identityHashCode(proxy);
            case "equals":
              return proxy == args[0];
            default:
              if (name.startsWith("get") && args != null && args.length >= 1) {
                reads.add(
                    (at.size() > 0 ? at.get(0) : "")
                        + "\t"
                        + (at.size() > 1 ? String.join("--", at.subList(1, at.size())) : "")
                        + "\t"
                        + args[0]);
                return args.length > 1 ? args[1] : null;
              }
              return null;
          }
        };
    return Proxy.newProxyInstance(loader, new Class<?>[] {scopeType}, handler);
  }

  private static boolean implementsType(Object object, String typeName) {
    for (Class<?> c = object.getClass(); c != null; c = c.getSuperclass()) {
      if (c.getName().equals(typeName) || implementsType(c.getInterfaces(), typeName)) {
        return true;
      }
    }
    return false;
  }

  private static boolean implementsType(Class<?>[] types, String typeName) {
    for (Class<?> type : types) {
      if (type.getName().equals(typeName) || implementsType(type.getInterfaces(), typeName)) {
        return true;
      }
    }
    return false;
  }

  private static Method method(Class<?> type, String name) {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 1) {
        return m;
      }
    }
    return null;
  }

  private static Object call(Object target, String method) throws ReflectiveOperationException {
    Method m = target.getClass().getMethod(method);
    m.setAccessible(true);
    return m.invoke(target);
  }

  private static List<String> lines(ZipFile zip, ZipEntry entry) throws IOException {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
      return in.lines().map(l -> l.replaceAll("#.*", "").trim()).filter(l -> !l.isEmpty()).toList();
    }
  }

  private void problem(String text) {
    emit("problem", text.replace('\n', ' ').replace('\t', ' '));
  }

  private void emit(String... fields) {
    out.println(String.join("\t", fields));
  }
}
