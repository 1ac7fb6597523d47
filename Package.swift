// swift-tools-version:6.0
import PackageDescription

/// Linux gets BLAS from OpenBLAS through a system-library target; Apple
/// platforms use Accelerate, which needs no target.
let blasDependency: Target.Dependency = .target(
  name: "COpenBLAS", condition: .when(platforms: [.linux]))

let package = Package(
  name: "Anomagram",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "anomagram", targets: ["anomagram"]),
    .library(name: "AnomagramCore", targets: ["AnomagramCore"]),
  ],
  targets: [
    .systemLibrary(
      name: "COpenBLAS",
      pkgConfig: "openblas",
      providers: [.apt(["libopenblas-serial-dev", "pkg-config"])]),
    // No pkgConfig here: the flags ncursesw's pkg-config file adds
    // (-D_XOPEN_SOURCE=600) are rejected by SwiftPM, and the headers sit on
    // the default include path anyway.
    .systemLibrary(
      name: "CNcurses",
      providers: [.apt(["libncurses-dev"])]),
    .target(name: "CFloatParsing"),
    .target(name: "CTerminalGuard"),
    .target(
      name: "AnomagramCore",
      dependencies: [blasDependency, "CFloatParsing"]),
    .target(
      name: "AnomagramCLI",
      dependencies: ["AnomagramCore", "CFloatParsing"]),
    .target(
      name: "AnomagramTUI",
      dependencies: ["AnomagramCore", "AnomagramCLI", "CNcurses", "CTerminalGuard"]),
    .executableTarget(
      name: "anomagram",
      dependencies: ["AnomagramCore", "AnomagramCLI", "AnomagramTUI"]),
    .testTarget(
      name: "AnomagramCoreTests",
      dependencies: ["AnomagramCore"]),
    .testTarget(
      name: "AnomagramCLITests",
      dependencies: ["AnomagramCLI", "AnomagramCore"]),
    .testTarget(
      name: "AnomagramTUITests",
      dependencies: ["AnomagramTUI", "AnomagramCore"]),
  ]
)
