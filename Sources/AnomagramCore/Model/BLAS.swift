#if canImport(Accelerate)
  import Accelerate
#else
  import COpenBLAS
#endif
import Synchronization

/// Single-precision matrix products through the platform's BLAS: OpenBLAS
/// on Linux, Accelerate on Apple platforms.
enum BLAS {
  /// Limits OpenBLAS to one thread, once per process: the matrices here are
  /// below its threading threshold, and the terminal app needs the other
  /// cores for drawing.
  private static let configured: Bool = {
    #if !canImport(Accelerate)
      openblas_set_num_threads(1)
    #endif
    return true
  }()

  /// Serialises every call: Debian's single-threaded OpenBLAS build
  /// (`libopenblas0-serial`) shares its work buffers between callers and
  /// returns wrong products when two threads call it at once, as a test
  /// with eight threads showed. Training and drawing run on different
  /// threads, so calls must not overlap.
  private static let lock = Mutex(())

  /// Computes `C = alpha * op(A) * op(B) + beta * C` on row-major matrices,
  /// where `op(A)` is `[m, k]`, `op(B)` is `[k, n]` and `C` is `[m, n]`.
  ///
  /// The leading dimensions are those of the stored (untransposed) matrices.
  @inline(__always)
  static func gemm(
    transposeA: Bool, transposeB: Bool,
    m: Int, n: Int, k: Int,
    alpha: Float = 1,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    beta: Float,
    c: UnsafeMutablePointer<Float>, ldc: Int
  ) {
    _ = configured
    lock.withLock { _ in
      cblas_sgemm(
        CblasRowMajor,
        transposeA ? CblasTrans : CblasNoTrans,
        transposeB ? CblasTrans : CblasNoTrans,
        blasInt(m), blasInt(n), blasInt(k),
        alpha, a, blasInt(lda), b, blasInt(ldb),
        beta, c, blasInt(ldc))
    }
  }

  #if canImport(Accelerate)
    @inline(__always) private static func blasInt(_ value: Int) -> __LAPACK_int { __LAPACK_int(value) }
  #else
    @inline(__always) private static func blasInt(_ value: Int) -> Int32 { Int32(value) }
  #endif
}
