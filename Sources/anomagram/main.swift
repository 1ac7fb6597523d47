import AnomagramCLI
import AnomagramTUI
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "screen-benchmark":
  exit(ScreenBenchmark.run(arguments: Array(arguments.dropFirst()), console: .standard))
case "help" where arguments.dropFirst().first == "screen-benchmark":
  exit(ScreenBenchmark.run(arguments: ["--help"], console: .standard))
case let first? where !first.hasPrefix("-"):
  exit(Anomagram.run(arguments: arguments, console: .standard))
default:
  // With no subcommand, or options only, the full-screen app opens.
  exit(AppCommand.run(arguments: arguments, console: .standard))
}
