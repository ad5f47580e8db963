package io.kcuserdata.events.webhooks.dispatch;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of an {@link EntityManager} for the recorder: {@code find(Class, Object)} and {@code
 * persist(Object)} over a map keyed by entity class and id. Entities are live, as managed ones are:
 * what the code under test changes on a found entity is what the test then reads. Any other method
 * throws.
 */
final class InMemoryEntityManager {

  private final Map<List<Object>, Object> rows = new LinkedHashMap<>();
  private final List<Object> persisted = new ArrayList<>();

  final EntityManager em =
      (EntityManager)
          Proxy.newProxyInstance(
              EntityManager.class.getClassLoader(),
              new Class<?>[] {EntityManager.class},
              (proxy, method, args) -> invoke(proxy, method, args));

  /** Puts a row in, as if already in the database. */
  <T> T add(T entity) {
    rows.put(key(entity.getClass(), idOf(entity)), entity);
    return entity;
  }

  /** What {@code persist} was given, in order. */
  <T> List<T> persisted(Class<T> type) {
    return persisted.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private Object invoke(Object proxy, Method method, Object[] args) {
    String name = method.getName();
    int arity = args == null ? 0 : args.length;
    if (name.equals("find") && arity == 2 && method.getParameterTypes()[0] == Class.class) {
      return rows.get(key((Class<?>) args[0], args[1]));
    }
    if (name.equals("persist") && arity == 1) {
      persisted.add(add(args[0]));
      return null;
    }
    if (name.equals("toString") && arity == 0) {
      return "InMemoryEntityManager" + rows.keySet();
    }
    if (name.equals("hashCode") && arity == 0) {
      return System.identityHashCode(proxy);
    }
    if (name.equals("equals") && arity == 1) {
      return proxy == args[0];
    }
    throw new UnsupportedOperationException("not in the in-memory EntityManager: " + method);
  }

  private static List<Object> key(Class<?> type, Object id) {
    return List.of(type, id);
  }

  private static Object idOf(Object entity) {
    try {
      return entity.getClass().getMethod("getId").invoke(entity);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("no getId() on " + entity.getClass(), e);
    }
  }
}
