package org.retailrl.core;

import java.util.Arrays;

/**
 * A dense, row-major tensor of {@code float}s: the array type every layer of the engine shares
 * (docs/model.md §8 networks, §1/§3 batched environment state, §2 analysis grids).
 *
 * <p>The storage is one contiguous {@code float[]}; {@link #reshape} returns a view over the same
 * storage, everything else copies. There are no strided views: every kernel in {@code simd} works
 * on contiguous runs, which is what makes them fast, and the autodiff ops that need transposes ask
 * GEMM for them instead of materialising a strided view.
 *
 * <p>Shape errors name both shapes, e.g. {@code "add: shape [2, 3] vs [3, 2]"}.
 */
public final class Tensor {
    private final float[] data;
    private final int[] shape;

    private Tensor(float[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    /** A tensor of zeros with the given shape (every dimension >= 0). */
    public static Tensor zeros(int... shape) {
        int[] s = shape.clone();
        return new Tensor(new float[checkedSize(s)], s);
    }

    /** Wraps {@code data} (not copied) with the given shape; the sizes must agree. */
    public static Tensor wrap(float[] data, int... shape) {
        int[] s = shape.clone();
        int n = checkedSize(s);
        if (n != data.length) {
            throw new IllegalArgumentException("wrap: shape " + Arrays.toString(s) + " holds " + n
                    + " elements but the array has " + data.length);
        }
        return new Tensor(data, s);
    }

    /** A copy of {@code data} with the given shape. */
    public static Tensor of(float[] data, int... shape) {
        return wrap(data.clone(), shape);
    }

    /** A scalar (shape {@code []}). */
    public static Tensor scalar(float v) {
        return new Tensor(new float[] {v}, new int[0]);
    }

    private static int checkedSize(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large for one array");
            }
        }
        return (int) n;
    }

    /** The backing array (shared, not copied): kernels read and write it directly. */
    public float[] data() {
        return data;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Size of dimension {@code i}; negative {@code i} counts from the end. */
    public int dim(int i) {
        int j = i < 0 ? shape.length + i : i;
        if (j < 0 || j >= shape.length) {
            throw new IndexOutOfBoundsException("dim " + i + " of shape " + Arrays.toString(shape));
        }
        return shape[j];
    }

    /** Total number of elements. */
    public int size() {
        return data.length;
    }

    /** True when both tensors have the same shape. */
    public boolean sameShape(Tensor o) {
        return Arrays.equals(shape, o.shape);
    }

    /** True when the shape equals {@code s}. */
    public boolean hasShape(int... s) {
        return Arrays.equals(shape, s);
    }

    /** Throws an {@link IllegalArgumentException} naming both shapes unless they are equal. */
    public static void checkSameShape(String op, Tensor a, Tensor b) {
        if (!a.sameShape(b)) {
            throw new IllegalArgumentException(op + ": shape " + Arrays.toString(a.shape) + " vs " + Arrays.toString(b.shape));
        }
    }

    /** A view with a new shape over the same storage; one dimension may be -1 (inferred). */
    public Tensor reshape(int... newShape) {
        int[] s = newShape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("reshape: more than one -1 in " + Arrays.toString(newShape));
                }
                infer = i;
            } else {
                known *= s[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || data.length % known != 0) {
                throw new IllegalArgumentException("reshape: shape " + Arrays.toString(shape) + " vs " + Arrays.toString(newShape));
            }
            s[infer] = (int) (data.length / known);
        }
        if (checkedSize(s) != data.length) {
            throw new IllegalArgumentException("reshape: shape " + Arrays.toString(shape) + " vs " + Arrays.toString(newShape));
        }
        return new Tensor(data, s);
    }

    /** A deep copy. */
    public Tensor copy() {
        return new Tensor(data.clone(), shape.clone());
    }

    /** Copies {@code src}'s values into this tensor (same shape required). */
    public Tensor copyFrom(Tensor src) {
        checkSameShape("copyFrom", this, src);
        System.arraycopy(src.data, 0, data, 0, data.length);
        return this;
    }

    /** Sets every element to {@code v}. */
    public Tensor fill(float v) {
        Arrays.fill(data, v);
        return this;
    }

    /** Flat offset of a multi-index, with bounds checks. */
    public int offset(int... idx) {
        if (idx.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(idx) + " for shape " + Arrays.toString(shape));
        }
        int off = 0;
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(idx) + " for shape " + Arrays.toString(shape));
            }
            off = off * shape[i] + idx[i];
        }
        return off;
    }

    /** Element at a multi-index. */
    public float get(int... idx) {
        return data[offset(idx)];
    }

    /** Sets the element at a multi-index. */
    public void set(float v, int... idx) {
        data[offset(idx)] = v;
    }

    /** The single value of a one-element tensor. */
    public float item() {
        if (data.length != 1) {
            throw new IllegalStateException("item: tensor of shape " + Arrays.toString(shape) + " has " + data.length + " elements");
        }
        return data[0];
    }

    /** True when any element is NaN or infinite. */
    public boolean hasNonFinite() {
        for (float v : data) {
            if (!Float.isFinite(v)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor").append(Arrays.toString(shape)).append(' ');
        int n = Math.min(data.length, 8);
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(data[i]);
        }
        if (data.length > n) {
            sb.append(", ...");
        }
        return sb.append(']').toString();
    }
}
