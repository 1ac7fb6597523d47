import AnomagramCLI
import AnomagramTUI
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
// With no subcommand, or options only, the full-screen app opens.
if let first = arguments.first, !first.hasPrefix("-") {
  exit(Anomagram.run(arguments: arguments, console: .standard))
}
exit(AppCommand.run(arguments: arguments, console: .standard))
