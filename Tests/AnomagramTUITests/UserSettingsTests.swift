import AnomagramCore
import Foundation
import Testing

@testable import AnomagramTUI

/// The settings file: where it goes, saving and loading it, and what
/// happens to missing, corrupt and unwritable files. Each test works in a
/// folder of its own under the system's temporary folder.
@Suite("UserSettingsStore")
struct UserSettingsTests {
  /// Returns a new, empty folder for one test.
  private func temporaryFolder() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("anomagram-settings-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }

  private func write(_ text: String, to path: String) throws {
    try FileManager.default.createDirectory(
      atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  private func contents(of path: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
  }

  // MARK: - Location

  @Test("default path under XDG_CONFIG_HOME")
  func pathUnderXDG() {
    let path = UserSettingsStore.defaultPath(environment: ["XDG_CONFIG_HOME": "/tmp/config", "HOME": "/home/ada"])

    #expect(path == "/tmp/config/anomagram/settings.json")
  }

  // The XDG Base Directory Specification 0.8 has a relative path ignored.
  @Test(
    "default path falls back to HOME",
    arguments: [
      ("no XDG_CONFIG_HOME", ["HOME": "/home/ada"]),
      ("empty XDG_CONFIG_HOME", ["XDG_CONFIG_HOME": "", "HOME": "/home/ada"]),
      ("relative XDG_CONFIG_HOME", ["XDG_CONFIG_HOME": "config", "HOME": "/home/ada"]),
    ])
  func pathUnderHome(label: String, environment: [String: String]) {
    #expect(UserSettingsStore.defaultPath(environment: environment) == "/home/ada/.config/anomagram/settings.json")
  }

  @Test("no default path without HOME")
  func noPath() {
    #expect(UserSettingsStore.defaultPath(environment: [:]) == nil)
  }

  // MARK: - Saving and loading

  @Test("missing file gives defaults")
  func missingFile() throws {
    let store = UserSettingsStore(path: try temporaryFolder() + "/anomagram/settings.json")

    #expect(try store.load().get() == UserSettings())
  }

  @Test("settings round-trip")
  func roundTrip() throws {
    let path = try temporaryFolder() + "/anomagram/settings.json"
    let store = UserSettingsStore(path: path)

    try store.save(UserSettings(hasSeenTour: true)).get()

    #expect(try store.load().get() == UserSettings(hasSeenTour: true))
    #expect(try contents(of: path).contains("\"hasSeenTour\" : true"))
  }

  // A write goes through a temporary file beside the settings file, which
  // the rename removes.
  @Test("save leaves no temporary file")
  func noTemporaryFile() throws {
    let folder = try temporaryFolder()
    let store = UserSettingsStore(path: folder + "/settings.json")

    try store.save(UserSettings(hasSeenTour: true)).get()
    try store.save(UserSettings(hasSeenTour: false)).get()

    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["settings.json"])
    #expect(try store.load().get() == UserSettings(hasSeenTour: false))
  }

  @Test("save keeps unknown keys")
  func unknownKeysKept() throws {
    let path = try temporaryFolder() + "/settings.json"
    try write(#"{"theme": "dark", "recent": [1, 2], "hasSeenTour": false}"#, to: path)

    try UserSettingsStore(path: path).save(UserSettings(hasSeenTour: true)).get()

    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    #expect(object["theme"] as? String == "dark")
    #expect(object["recent"] as? [Int] == [1, 2])
    #expect(try UserSettingsStore(path: path).load().get().hasSeenTour)
  }

  // MARK: - Damaged files

  @Test(
    "corrupt file is rejected",
    arguments: [
      ("not JSON", "{hasSeenTour: yes", "not valid JSON"),
      ("empty", "", "not valid JSON"),
      ("an array", "[true]", "not a JSON object"),
      ("a number for the flag", #"{"hasSeenTour": 1}"#, "\"hasSeenTour\" has a value of the wrong type"),
      ("a string for the flag", #"{"hasSeenTour": "yes"}"#, "\"hasSeenTour\" has a value of the wrong type"),
    ])
  func corruptFile(label: String, text: String, reason: String) throws {
    let path = try temporaryFolder() + "/settings.json"
    try write(text, to: path)

    let result = UserSettingsStore(path: path).load()

    #expect(throws: UserSettingsError.invalid(path: path, reason: reason)) { try result.get() }
  }

  @Test("save replaces a corrupt file")
  func corruptFileReplaced() throws {
    let path = try temporaryFolder() + "/settings.json"
    try write("{hasSeenTour: yes", to: path)
    let store = UserSettingsStore(path: path)

    try store.save(UserSettings(hasSeenTour: true)).get()

    #expect(try store.load().get() == UserSettings(hasSeenTour: true))
  }

  @Test("a folder in place of the file is unreadable")
  func folderInPlace() throws {
    let path = try temporaryFolder() + "/settings.json"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)

    let result = UserSettingsStore(path: path).load()

    #expect(throws: UserSettingsError.unreadable(path: path, reason: "it is a folder")) { try result.get() }
  }

  // A file where the settings folder should be makes both creating the
  // folder and writing fail.
  @Test("unwritable location fails to save")
  func unwritable() throws {
    let blocker = try temporaryFolder() + "/anomagram"
    try write("a file, not a folder", to: blocker)
    let path = blocker + "/settings.json"

    let result = UserSettingsStore(path: path).save(UserSettings(hasSeenTour: true))

    guard case .failure(.writeFailed(let failedPath, let reason)) = result else {
      Issue.record("expected a write failure, got \(result)")
      return
    }
    #expect(failedPath == path)
    #expect(reason.contains(blocker))
    #expect(try contents(of: blocker) == "a file, not a folder")
  }

  @Test("no location fails both ways")
  func noLocation() {
    let store = UserSettingsStore(path: nil)

    #expect(throws: UserSettingsError.noLocation) { try store.load().get() }
    #expect(throws: UserSettingsError.noLocation) { try store.save(UserSettings()).get() }
  }

  @Test("messages give the reason, then the file")
  func messages() {
    #expect(
      UserSettingsError.invalid(path: "/c/settings.json", reason: "not valid JSON").description
        == "The settings file is invalid (not valid JSON); the app replaces it when it saves: \"/c/settings.json\".")
    #expect(
      UserSettingsError.writeFailed(path: "/c/settings.json", reason: "Permission denied").description
        == "Cannot save the settings file (Permission denied): \"/c/settings.json\".")
  }
}
