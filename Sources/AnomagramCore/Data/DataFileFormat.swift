/// The layout of a data file for `DataFileReader`: whether the first row is
/// a header, and which column contains the class label.
public struct DataFileFormat: Sendable, Hashable {
  /// Whether the first non-blank row is a header of column names.
  public var header: HeaderMode
  /// The column that contains the class label, or `.unlabelled` for unlabelled rows.
  public var labelColumn: LabelColumn

  public init(header: HeaderMode = .detect, labelColumn: LabelColumn = .first) {
    self.header = header
    self.labelColumn = labelColumn
  }

  /// The UCR archive's layout: no header row and the label in the first column.
  public static let ucr = DataFileFormat(header: .absent, labelColumn: .first)

  /// Whether the rows have class labels.
  public var isLabelled: Bool { labelColumn != .unlabelled }
}

/// Whether a data file's first non-blank row is a header of column names.
public enum HeaderMode: String, Sendable, Hashable, CaseIterable {
  /// The first row is a header when a value field in it is not a number (the
  /// full rule is in the documentation of `DataFileReader`).
  case detect
  /// The first row is always a header.
  case present
  /// No row is a header, so a column name in the first row is an invalid number.
  case absent
}

/// The column of a data file that contains the class label.
public enum LabelColumn: Sendable, Hashable, CustomStringConvertible {
  /// The first column, as in the UCR archive.
  case first
  /// The last column of the first row.
  case last
  /// The column at this 1-based position.
  case number(Int)
  /// The column with this name in the header row.
  case name(String)
  /// No column: every column is a value and the rows are unlabelled. The
  /// command line writes it `none`.
  case unlabelled

  /// The command-line form: `first`, `last`, `none`, the column number or the name.
  public var description: String {
    switch self {
    case .first: "first"
    case .last: "last"
    case .unlabelled: "none"
    case .number(let number): String(number)
    case .name(let name): name
    }
  }
}
