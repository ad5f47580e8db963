package io.kcuserdata.admin.export;

import java.util.ArrayList;
import java.util.List;

/** Sorted merging of name lists, so both ways of reading a user give the same order. */
final class Sorted {

  private Sorted() {}

  static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    all.sort(null);
    return List.copyOf(all);
  }
}
