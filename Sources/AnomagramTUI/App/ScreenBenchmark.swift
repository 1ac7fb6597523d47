import AnomagramCLI
import AnomagramCore
import Dispatch
import Foundation

/// `anomagram screen-benchmark`: how long the app takes to start and to
/// draw its screens, without a terminal.
public enum ScreenBenchmark {
  public static let helpText = """
    Usage: anomagram screen-benchmark [--frames COUNT] [--width COLUMNS] [--height ROWS]

    COUNT is from 1 to 100000, COLUMNS and ROWS from 1 to 1000.
    Exit status: 0 on success, 1 when the bundled data cannot be loaded, 2 for
    invalid options.

    Measures, without opening the terminal:
      start-up   loading the bundled data and the pretrained model, and
                 drawing the first frame
      data       the part of start-up spent reading and parsing the two
                 bundled data files
      frame      drawing one frame of the Train screen after a finished run
                 (median over COUNT frames, default 200, at 200x60 by default)
      explore    drawing one frame of the Explore screen after the same run,
                 which includes the selected sample's forward pass
    The frame time covers the pure view function into an in-memory canvas;
    copying changed cells to the terminal comes on top.

    """

  public static func run(arguments: [String], console: Console) -> Int32 {
    var frames = 200
    var size = Size(width: 200, height: 60)
    var index = 0
    while index < arguments.count {
      let option = arguments[index]
      let value = index + 1 < arguments.count ? Int(arguments[index + 1]) : nil
      switch option {
      case "--help", "-h":
        console.writeOutput(helpText)
        return 0
      case "--frames" where value != nil && (1...100_000).contains(value!): frames = value!
      case "--width" where value != nil && (1...1000).contains(value!): size.width = value!
      case "--height" where value != nil && (1...1000).contains(value!): size.height = value!
      case "--frames", "--width", "--height":
        let range = option == "--frames" ? "1 to 100000" : "1 to 1000"
        let given = index + 1 < arguments.count ? "\"\(arguments[index + 1])\"" : "nothing"
        console.writeError(
          "anomagram screen-benchmark: Invalid value \(given) for \(option): expected a whole number from \(range).\n")
        return 2
      default:
        console.writeError("anomagram screen-benchmark: Unknown option \(option); see --help.\n")
        return 2
      }
      index += 2
    }

    // Start-up: the work between launch and the first drawn frame.
    let started = DispatchTime.now().uptimeNanoseconds
    let options = TrainOptions()
    let data: (pool: Dataset, test: Dataset?, files: [String])
    do {
      data = try TrainCommand.loadData(options)
    } catch {
      console.writeError("anomagram screen-benchmark: \(error)\n")
      return 1
    }
    let loadMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
    var state = AppState(
      training: options.training, split: options.split, featureCount: data.pool.featureCount,
      dataDescription: AppCommand.describe(data), size: size)
    // The app loads the pretrained model at start, as here, when it is found beside the data.
    if let path = PretrainedModel.path(besideDataFiles: data.files) {
      state.pretrained = try? PretrainedModel.load(path: path, pool: data.pool, testPool: data.test)
    }
    _ = view(state, size: size)
    let startupMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6

    // A finished run, so every chart has data.
    do {
      let split = try DataSplit.make(pool: data.pool, configuration: options.split)
      var training = options.training
      training.epochs = 10
      let session = TrainingSession(split: split, configuration: training)
      session.start()
      session.waitUntilEnded()
      state.snapshot = session.snapshot
    } catch {
      console.writeError("anomagram screen-benchmark: \(error)\n")
      return 1
    }
    let times = frameTimes(state, size: size, frames: frames)
    // The key 2 switches to Explore and fills the bottleneck plot's cache,
    // as in the app, so the frames measure drawing alone.
    _ = update(&state, with: .keyPressed(.character("2")))
    let exploreTimes = frameTimes(state, size: size, frames: frames)
    console.writeOutput(
      String(
        format: "start-up: %.1f ms (load %d rows%@ and draw the first frame)\n", startupMilliseconds,
        data.pool.sampleCount, state.pretrained == nil ? "" : " and the pretrained model")
        + String(format: "data:     %.1f ms (read and parse %@)\n", loadMilliseconds, data.files.map {
          ($0 as NSString).lastPathComponent
        }.joined(separator: " and "))
        + summary("frame:   ", times, size: size) + summary("explore: ", exploreTimes, size: size))
    return 0
  }

  /// Returns the time of drawing `frames` frames of `state`, in
  /// milliseconds, sorted.
  private static func frameTimes(_ state: AppState, size: Size, frames: Int) -> [Double] {
    var times: [Double] = []
    for _ in 0..<frames {
      let frameStart = DispatchTime.now().uptimeNanoseconds
      let canvas = view(state, size: size)
      times.append(Double(DispatchTime.now().uptimeNanoseconds - frameStart) / 1e6)
      precondition(canvas.size == size)
    }
    return times.sorted()
  }

  private static func summary(_ label: String, _ times: [Double], size: Size) -> String {
    label
      + String(
        format: " %.2f ms median, %.2f ms minimum, %.2f ms maximum (%dx%d, %d frames)\n",
        times[times.count / 2], times[0], times[times.count - 1], size.width, size.height, times.count)
  }
}
