import AnomagramCore

/// Two coordinates per test row for the bottleneck plot, from the model's
/// bottleneck codes.
///
/// - A 2-unit bottleneck is plotted as it is.
/// - A wider one is projected onto the first two principal components of
///   the test rows' codes (see `PrincipalPlane`).
/// - A 1-unit bottleneck is plotted as the code against the reconstruction
///   error, since it has no second coordinate.
public struct BottleneckProjection: Sendable {
  /// The mapping from codes to coordinates.
  public enum Method: Equatable, Sendable {
    /// The two units of the code.
    case code
    /// The first two principal components of codes with this many units.
    case principalComponents(units: Int)
    /// The single unit against the reconstruction error.
    case codeAndError
  }

  public let method: Method
  /// The coordinates of each test row.
  public let points: [(x: Float, y: Float)]
  /// The model and rows the points were computed from, to tell whether
  /// they still match.
  private let model: Autoencoder
  private let test: Matrix
  /// The plane of the codes' first two principal components, for
  /// `.principalComponents`.
  private let plane: PrincipalPlane?

  /// Encodes every test row of `explore` and projects the codes.
  public init(_ explore: ExploreModel) {
    model = explore.model
    test = explore.test
    let codes = explore.model.encode(explore.test)
    switch codes.columns {
    case 1:
      method = .codeAndError
      points = zip(codes.elements, explore.testErrors).map { ($0, $1) }
      plane = nil
    case 2:
      method = .code
      points = (0..<codes.rows).map { (codes[$0, 0], codes[$0, 1]) }
      plane = nil
    default:
      method = .principalComponents(units: codes.columns)
      let fitted = PrincipalPlane(rows: codes)
      plane = fitted
      points = (0..<codes.rows).map { fitted.project(Array(codes.row($0))) }
    }
  }

  /// Returns whether the points were computed from this model and these test rows.
  /// Both comparisons are cheap when nothing changed, because the arrays
  /// then share storage.
  public func matches(_ explore: ExploreModel) -> Bool {
    model == explore.model && test == explore.test
  }

  /// Returns the coordinates of another row from its code and its
  /// reconstruction error, projected as the test rows are.
  public func point(code: [Float], error: Float) -> (x: Float, y: Float) {
    switch method {
    case .code: (code[0], code[1])
    case .codeAndError: (code[0], error)
    case .principalComponents: plane!.project(code)
    }
  }

  /// A title for the plot: "Bottleneck: 2 units", "Bottleneck: PCA of 16
  /// units", "Bottleneck: 1 unit vs error".
  public var title: String {
    switch method {
    case .code: "Bottleneck: 2 units"
    case .principalComponents(let units): "Bottleneck: PCA of \(units) units"
    case .codeAndError: "Bottleneck: 1 unit vs error"
    }
  }
}
