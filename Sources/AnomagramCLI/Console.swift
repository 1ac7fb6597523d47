import Foundation

/// Where a command writes: standard output for results, standard error for
/// progress and messages. Tests substitute closures that collect the text.
public struct Console: Sendable {
  public let writeOutput: @Sendable (String) -> Void
  public let writeError: @Sendable (String) -> Void
  /// Whether standard error is a terminal, so progress can redraw one line.
  public let errorIsTerminal: Bool

  public init(
    writeOutput: @escaping @Sendable (String) -> Void, writeError: @escaping @Sendable (String) -> Void,
    errorIsTerminal: Bool
  ) {
    self.writeOutput = writeOutput
    self.writeError = writeError
    self.errorIsTerminal = errorIsTerminal
  }

  /// The process's standard output and standard error.
  public static var standard: Console {
    Console(
      writeOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
      writeError: { FileHandle.standardError.write(Data($0.utf8)) },
      errorIsTerminal: isatty(STDERR_FILENO) == 1)
  }
}
