import AnomagramCLI
import Foundation

exit(Anomagram.run(arguments: Array(CommandLine.arguments.dropFirst()), console: .standard))
