package kz.forumpulse.faq;

import java.util.Arrays;

/**
 * A growable int array: postings lists hold hundreds of thousands of ints, boxing them would not
 * do.
 */
final class IntList {
  private int[] data = new int[4];
  private int size;

  void add(int v) {
    if (size == data.length) {
      data = Arrays.copyOf(data, size * 2);
    }
    data[size++] = v;
  }

  int get(int i) {
    return data[i];
  }

  int size() {
    return size;
  }
}
