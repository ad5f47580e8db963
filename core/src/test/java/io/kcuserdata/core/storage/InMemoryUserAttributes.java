package io.kcuserdata.core.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A user's attributes held in a map, counting the writes the storage makes. */
public final class InMemoryUserAttributes implements UserAttributes {

  private final Map<String, List<String>> attributes = new TreeMap<>();
  private final List<String> setCalls = new ArrayList<>();
  private final List<String> removeCalls = new ArrayList<>();

  /** Stores an attribute without counting it as a write: the user as found. */
  public InMemoryUserAttributes with(String name, String... values) {
    attributes.put(name, List.of(values));
    return this;
  }

  private int reads;

  @Override
  public Map<String, List<String>> all() {
    reads++;
    return Collections.unmodifiableMap(new TreeMap<>(attributes));
  }

  @Override
  public void set(String name, List<String> values) {
    setCalls.add(name);
    attributes.put(name, List.copyOf(values));
  }

  @Override
  public void remove(String name) {
    removeCalls.add(name);
    attributes.remove(name);
  }

  /** The attributes passed to {@link #set}, in call order. */
  public List<String> setCalls() {
    return List.copyOf(setCalls);
  }

  /** The attributes passed to {@link #remove}, in call order. */
  public List<String> removeCalls() {
    return List.copyOf(removeCalls);
  }

  /** How often every attribute was read: one decode each. */
  public int reads() {
    return reads;
  }

  public int writes() {
    return setCalls.size() + removeCalls.size();
  }

  public void forgetWrites() {
    setCalls.clear();
    removeCalls.clear();
  }
}
