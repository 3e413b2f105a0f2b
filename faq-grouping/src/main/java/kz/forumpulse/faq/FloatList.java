package kz.forumpulse.faq;

import java.util.Arrays;

/** A growable float array: posting weights need no double precision and half the memory. */
final class FloatList {
  private float[] data = new float[4];
  private int size;

  void add(float v) {
    if (size == data.length) {
      data = Arrays.copyOf(data, size * 2);
    }
    data[size++] = v;
  }

  float get(int i) {
    return data[i];
  }

  int size() {
    return size;
  }
}
