import AnomagramCore
import Foundation

/// The settings the app keeps between launches.
public struct UserSettings: Equatable, Sendable {
  /// Whether the first-launch tour has been finished or skipped.
  public var hasSeenTour = false

  public init(hasSeenTour: Bool = false) {
    self.hasSeenTour = hasSeenTour
  }
}

/// A settings file that cannot be read or written. Each case names the file.
public enum UserSettingsError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Neither `XDG_CONFIG_HOME` nor `HOME` names a folder.
  case noLocation
  /// The file exists but cannot be read.
  case unreadable(path: String, reason: String)
  /// The file is not a JSON object, or a known key has a value of the wrong type.
  case invalid(path: String, reason: String)
  /// The file or its folder cannot be written.
  case writeFailed(path: String, reason: String)

  /// The message for the status bar. The reason comes before the path,
  /// which the status bar may cut short.
  public var description: String {
    switch self {
    case .noLocation:
      return "No folder for the settings file: set XDG_CONFIG_HOME or HOME."
    case .unreadable(let path, let reason):
      return "Cannot read the settings file (\(reason)): \(path.debugDescription)."
    case .invalid(let path, let reason):
      return "The settings file is invalid (\(reason)); the app replaces it when it saves: \(path.debugDescription)."
    case .writeFailed(let path, let reason):
      return "Cannot save the settings file (\(reason)): \(path.debugDescription)."
    }
  }
}

/// Reads and writes `UserSettings` as a small JSON file, by default
/// `$XDG_CONFIG_HOME/anomagram/settings.json` or
/// `~/.config/anomagram/settings.json`.
///
/// The file is one JSON object. Keys this program does not know are kept
/// when it saves, so a newer version's settings survive an older one.
/// Saving replaces the file atomically (temporary file, then rename).
public struct UserSettingsStore: Sendable {
  /// The settings file, or `nil` when no folder for it is known.
  public let path: String?

  /// The key of `UserSettings.hasSeenTour` in the file.
  static let hasSeenTourKey = "hasSeenTour"

  public init(path: String?) {
    self.path = path
  }

  /// Returns the default settings file: under `XDG_CONFIG_HOME` when it is
  /// an absolute path, otherwise under `HOME/.config`, or `nil` when
  /// neither is set. The XDG Base Directory Specification 0.8 says to
  /// ignore a relative path in `XDG_CONFIG_HOME`.
  public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    if let configured = environment["XDG_CONFIG_HOME"], configured.hasPrefix("/") {
      return URL(fileURLWithPath: configured).appendingPathComponent("anomagram/settings.json").path
    }
    if let home = environment["HOME"], !home.isEmpty {
      return URL(fileURLWithPath: home).appendingPathComponent(".config/anomagram/settings.json").path
    }
    return nil
  }

  /// Reads the settings. A missing file gives the defaults.
  public func load() -> Result<UserSettings, UserSettingsError> {
    guard let path else { return .failure(.noLocation) }
    let bytes: [UInt8]
    switch readBytes(at: path) {
    case .success(let found?): bytes = found
    case .success(nil): return .success(UserSettings())
    case .failure(let error): return .failure(error)
    }

    // JSONDecoder checks types strictly: `"hasSeenTour": 1` is rejected,
    // where JSONSerialization would read 1 as true.
    let file: StoredFields
    do {
      file = try JSONDecoder().decode(StoredFields.self, from: Data(bytes))
    } catch DecodingError.typeMismatch(_, let context) where !context.codingPath.isEmpty {
      let key = context.codingPath.map(\.stringValue).joined(separator: ".")
      return .failure(.invalid(path: path, reason: "\"\(key)\" has a value of the wrong type"))
    } catch DecodingError.typeMismatch {
      return .failure(.invalid(path: path, reason: "not a JSON object"))
    } catch {
      return .failure(.invalid(path: path, reason: "not valid JSON"))
    }
    return .success(UserSettings(hasSeenTour: file.hasSeenTour ?? false))
  }

  /// The keys this program reads; every one may be missing.
  private struct StoredFields: Decodable {
    var hasSeenTour: Bool?
  }

  /// Writes `settings`, keeping the keys of the existing file that this
  /// program does not know. An existing file that is not a JSON object is
  /// replaced. Creates the file's folder when it is missing.
  public func save(_ settings: UserSettings) -> Result<Void, UserSettingsError> {
    guard let path else { return .failure(.noLocation) }
    var object = existingObject(at: path) ?? [:]
    object[Self.hasSeenTourKey] = settings.hasSeenTour

    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      return .failure(.writeFailed(path: path, reason: "cannot create the folder \(folder.debugDescription)"))
    }
    do {
      let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
      try AtomicFile.write(Array(data) + [UInt8(ascii: "\n")], to: path)
    } catch let error as PersistenceError {
      guard case .writeFailed(_, let reason) = error else {
        return .failure(.writeFailed(path: path, reason: error.description))
      }
      return .failure(.writeFailed(path: path, reason: reason))
    } catch {
      return .failure(.writeFailed(path: path, reason: "\(error)"))
    }
    return .success(())
  }

  /// Returns the file's bytes, `nil` when the file does not exist.
  private func readBytes(at path: String) -> Result<[UInt8]?, UserSettingsError> {
    do {
      return .success(try AtomicFile.read(path))
    } catch .fileNotFound {
      return .success(nil)
    } catch .fileUnreadable(_, let reason) {
      return .failure(.unreadable(path: path, reason: reason))
    } catch {
      return .failure(.unreadable(path: path, reason: error.description))
    }
  }

  /// Returns the file's JSON object, `nil` when the file is missing,
  /// unreadable or not a JSON object.
  private func existingObject(at path: String) -> [String: Any]? {
    guard case .success(let bytes?) = readBytes(at: path) else { return nil }
    return (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
  }
}
