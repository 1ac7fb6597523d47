import AnomagramCore
import Foundation

/// `anomagram benchmark`: training speed in samples per second on the normal
/// rows of the bundled ECG5000 test file, for two standard models.
public enum BenchmarkCommand {
  /// One model to time.
  struct Case {
    let name: String
    let encoderUnits: [Int]
    let latentSize: Int
    let batchSize: Int
  }

  static let cases = [
    Case(name: "small", encoderUnits: [7, 3], latentSize: 2, batchSize: 512),
    Case(name: "large", encoderUnits: [64, 32], latentSize: 8, batchSize: 256),
  ]

  struct Result: Encodable {
    let model: String
    let architecture: String
    let batchSize: Int
    let rows: Int
    let warmupEpochs: Int
    let measuredEpochs: Int
    let medianSamplesPerSecond: Double
    let minimumSamplesPerSecond: Double
    let maximumSamplesPerSecond: Double
    /// Samples per second if a step took only its matrix products, at their
    /// fastest: the maximum speed the BLAS library allows for this model.
    let matrixProductBoundSamplesPerSecond: Double
  }

  public static let helpText = """
    Usage: anomagram benchmark [options]

    Trains two models with Adam on the normal rows (label 1) of the bundled
    ECG5000_TEST.tsv, scaled to [0, 1], on one thread, and prints the median
    training speed over the measured epochs, beside the speed that the
    step's matrix products alone would allow (their fastest of 200 steps):
      small  140-7-3-2-3-7-140 at batch 512
      large  140-64-32-8-32-64-140 at batch 256

    Options:
      --epochs COUNT   Epochs measured per model. Default: 30.
      --warmup COUNT   Epochs run first and not measured. Default: 3.
      --data FILE      Time on the label-1 rows of this file instead (label in
                       the first column; a header row is detected).
      --json           Print the results as JSON.
      --help, -h       Show this help.

    Exit status: 0 on success, 1 when the data cannot be loaded, 2 for invalid
    options.

    """

  public static func run(arguments: [String], console: Console) -> Int32 {
    var epochs = 30
    var warmup = 3
    var dataFile: String?
    var json = false
    var scanner = ArgumentScanner(arguments)
    do {
      while let option = try scanner.nextOption() {
        switch option {
        case "--epochs": epochs = try TrainOptionSpec.positiveInteger(try scanner.value(), option)
        case "--warmup":
          let value = try scanner.value()
          guard let count = Int(value), count >= 0 else {
            throw UsageError.invalid(option, value, expected: "a whole number of 0 or more")
          }
          warmup = count
        case "--data": dataFile = try scanner.value()
        case "--json": json = true
        case "--help", "-h":
          console.writeOutput(helpText)
          return 0
        default: throw UsageError("Unknown option \(option); see anomagram benchmark --help.")
        }
      }
    } catch {
      console.writeError("anomagram benchmark: \(error)\n")
      return 2
    }

    let rows: Matrix
    do {
      rows = try normalRows(dataFile: dataFile)
    } catch {
      console.writeError("anomagram benchmark: \(error)\n")
      return 1
    }

    var results: [Result] = []
    for benchmarkCase in cases {
      let result = measure(benchmarkCase, rows: rows, warmup: warmup, epochs: epochs)
      results.append(result)
      if !json {
        console.writeOutput(
          "\(result.model.padding(toLength: 6, withPad: " ", startingAt: 0)) \(result.architecture) batch "
            + "\(result.batchSize): \(Format.grouped(Int(result.medianSamplesPerSecond))) samples/s median "
            + "(min \(Format.grouped(Int(result.minimumSamplesPerSecond))), "
            + "max \(Format.grouped(Int(result.maximumSamplesPerSecond))); \(result.measuredEpochs) epochs "
            + "of \(result.rows) rows); matrix products alone allow "
            + "\(Format.grouped(Int(result.matrixProductBoundSamplesPerSecond)))\n")
      }
    }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      let data = (try? encoder.encode(results)) ?? Data("[]".utf8)
      console.writeOutput(String(decoding: data, as: UTF8.self) + "\n")
    }
    return 0
  }

  /// The label-1 rows of the test file, scaled to [0, 1] on themselves.
  static func normalRows(dataFile: String?) throws -> Matrix {
    let path: String
    if let dataFile {
      path = dataFile
    } else {
      guard let bundled = BundledData.locate() else { throw CommandError(BundledData.notFoundMessage) }
      path = bundled[1]
    }
    // The label comes first, as in UCR files. A header row, if any, is found
    // the way train finds it.
    let dataset = try DataFileReader.load(path: path, format: DataFileFormat(header: .detect, labelColumn: .first))
    let normal = dataset.values.selectingRows(dataset.labels.indices.filter { dataset.labels[$0] == "1" })
    guard normal.rows > 0 else { throw CommandError("\(path) has no rows with label 1 to time.") }
    return MinMaxScaler.fit(normal).transform(normal)
  }

  static func measure(_ benchmarkCase: Case, rows: Matrix, warmup: Int, epochs: Int) -> Result {
    let configuration = TrainingConfiguration(
      encoderUnits: benchmarkCase.encoderUnits, latentSize: benchmarkCase.latentSize, hiddenActivation: .relu,
      outputActivation: .sigmoid, optimizer: OptimizerSettings(kind: .adam), epochs: warmup + epochs,
      batchSize: benchmarkCase.batchSize, seed: 1)
    let trainer = Trainer(
      configuration: configuration, trainingRows: rows, validationRows: Matrix(rows: 0, columns: rows.columns))
    for _ in 0..<warmup { _ = trainer.trainEpoch() }
    var rates: [Double] = []
    for _ in 0..<epochs {
      let before = trainer.trainingSeconds
      _ = trainer.trainEpoch()
      rates.append(Double(rows.rows) / (trainer.trainingSeconds - before))
    }
    rates.sort()
    let productSeconds = MatrixProductBenchmark.fastestStepSeconds(
      architecture: trainer.architecture, batch: benchmarkCase.batchSize, repetitions: 200)
    let median = rates.count % 2 == 1 ? rates[rates.count / 2] : (rates[rates.count / 2 - 1] + rates[rates.count / 2]) / 2
    return Result(
      model: benchmarkCase.name, architecture: trainer.architecture.summary, batchSize: benchmarkCase.batchSize,
      rows: rows.rows, warmupEpochs: warmup, measuredEpochs: epochs, medianSamplesPerSecond: median,
      minimumSamplesPerSecond: rates.first ?? 0, maximumSamplesPerSecond: rates.last ?? 0,
      matrixProductBoundSamplesPerSecond: Double(benchmarkCase.batchSize) / productSeconds)
  }
}
