package kz.forumpulse.faq;

import java.util.Arrays;

/** A growable double array whose slots can be updated: group centroid weights grow in place. */
final class DoubleList {
  private double[] data = new double[4];
  private int size;

  void add(double v) {
    if (size == data.length) {
      data = Arrays.copyOf(data, size * 2);
    }
    data[size++] = v;
  }

  double get(int i) {
    return data[i];
  }

  void set(int i, double v) {
    data[i] = v;
  }

  int size() {
    return size;
  }
}
