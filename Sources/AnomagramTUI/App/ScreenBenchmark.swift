import AnomagramCLI
import AnomagramCore
import Dispatch
import Foundation

/// `anomagram screen-benchmark`: how long the Train screen takes to start
/// and to draw, without a terminal.
public enum ScreenBenchmark {
  public static let helpText = """
    Usage: anomagram screen-benchmark [--frames COUNT] [--width COLUMNS] [--height ROWS]

    Measures, without opening the terminal:
      start-up   loading the bundled data and drawing the first frame
      frame      drawing one frame of the Train screen after a finished run
                 (median over COUNT frames, default 200, at 200x60 by default)
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
      case "--frames" where value != nil && value! >= 1: frames = value!
      case "--width" where value != nil && value! >= 1: size.width = value!
      case "--height" where value != nil && value! >= 1: size.height = value!
      default:
        console.writeError("anomagram screen-benchmark: invalid option or value at \"\(option)\"; see --help.\n")
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
    var state = AppState(
      training: options.training, split: options.split, featureCount: data.pool.featureCount,
      dataDescription: AppCommand.describe(data), size: size)
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
    var times: [Double] = []
    for _ in 0..<frames {
      let frameStart = DispatchTime.now().uptimeNanoseconds
      let canvas = view(state, size: size)
      times.append(Double(DispatchTime.now().uptimeNanoseconds - frameStart) / 1e6)
      precondition(canvas.size == size)
    }
    times.sort()
    console.writeOutput(
      String(format: "start-up: %.1f ms (load %d rows and draw the first frame)\n", startupMilliseconds, data.pool.sampleCount)
        + String(
          format: "frame:    %.2f ms median, %.2f ms minimum, %.2f ms maximum (%dx%d, %d frames)\n",
          times[times.count / 2], times[0], times[times.count - 1], size.width, size.height, frames))
    return 0
  }
}
