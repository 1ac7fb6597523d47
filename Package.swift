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
    .target(name: "CFloatParsing"),
    .target(
      name: "AnomagramCore",
      dependencies: [blasDependency, "CFloatParsing"]),
    .target(
      name: "AnomagramCLI",
      dependencies: ["AnomagramCore"]),
    .executableTarget(
      name: "anomagram",
      dependencies: ["AnomagramCore", "AnomagramCLI"]),
    .testTarget(
      name: "AnomagramCoreTests",
      dependencies: ["AnomagramCore"]),
    .testTarget(
      name: "AnomagramCLITests",
      dependencies: ["AnomagramCLI", "AnomagramCore"]),
  ]
)
