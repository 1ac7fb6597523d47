import Testing

@testable import AnomagramCore

/// 140-7-3-2-3-7-140 with tanh hidden layers, so that a linear bottleneck
/// cannot pass by sharing the default relu.
private let handWorked = Architecture(
  inputSize: 140, encoderUnits: [7, 3], latentSize: 2, hiddenActivation: .tanh, outputActivation: .sigmoid)

/// An architecture that breaks one size rule and a piece of its message.
private struct InvalidArchitecture: CustomTestStringConvertible, Sendable {
  let name: String
  let architecture: Architecture
  let messageFragment: String

  var testDescription: String { name }
}

private let invalidArchitectures: [InvalidArchitecture] = [
  InvalidArchitecture(
    name: "no input", architecture: Architecture(inputSize: 0, encoderUnits: [4], latentSize: 2),
    messageFragment: "input size must be at least 1, got 0"),
  InvalidArchitecture(
    name: "no bottleneck", architecture: Architecture(inputSize: 8, encoderUnits: [4], latentSize: 0),
    messageFragment: "at least 1 unit, got 0"),
  InvalidArchitecture(
    name: "empty hidden layer", architecture: Architecture(inputSize: 8, encoderUnits: [4, 0], latentSize: 2),
    messageFragment: "Every hidden layer needs at least 1 unit, got 0"),
]

@Suite("Architecture")
struct ArchitectureTests {
  @Test("layer sizes mirror the encoder")
  func layerSizesMirrorEncoder() {
    #expect(handWorked.layerSizes == [140, 7, 3, 2, 3, 7, 140])
    #expect(handWorked.layers.map(\.inputSize) == [140, 7, 3, 2, 3, 7])
    #expect(handWorked.layers.map(\.outputSize) == [7, 3, 2, 3, 7, 140])
    #expect(handWorked.summary == "140-7-3-2-3-7-140")
  }

  @Test("bottleneck is linear")
  func bottleneckIsLinear() {
    #expect(handWorked.bottleneckLayerIndex == 2)
    #expect(handWorked.layers[handWorked.bottleneckLayerIndex].outputSize == handWorked.latentSize)
    #expect(handWorked.layers.map(\.activation) == [.tanh, .tanh, .linear, .tanh, .tanh, .sigmoid])
  }

  @Test("output layer uses output activation", arguments: Activation.allCases)
  func outputLayerUsesOutputActivation(activation: Activation) {
    let architecture = Architecture(
      inputSize: 10, encoderUnits: [6], latentSize: 3, hiddenActivation: .elu, outputActivation: activation)

    #expect(architecture.layers.map(\.activation) == [.elu, .linear, .elu, activation])
  }

  @Test("no hidden layers leaves bottleneck and output")
  func noHiddenLayersLeavesBottleneckAndOutput() {
    let architecture = Architecture(inputSize: 5, encoderUnits: [], latentSize: 2, outputActivation: .sigmoid)

    #expect(architecture.layerSizes == [5, 2, 5])
    #expect(architecture.bottleneckLayerIndex == 0)
    #expect(architecture.layers.map(\.activation) == [.linear, .sigmoid])
    // (5·2 + 2) + (2·5 + 5) = 12 + 15.
    #expect(architecture.parameterCount == 27)
  }

  @Test("offsets are contiguous")
  func offsetsAreContiguous() {
    let layers = handWorked.layers

    #expect(layers.first?.weightOffset == 0)
    for (index, layer) in layers.enumerated() {
      #expect(layer.weightCount == layer.inputSize * layer.outputSize, "layer \(index) weight count")
      #expect(layer.biasOffset == layer.weightOffset + layer.weightCount, "layer \(index) bias offset")
      #expect(layer.parameterCount == layer.weightCount + layer.outputSize, "layer \(index) parameter count")
      if index + 1 < layers.count {
        #expect(
          layers[index + 1].weightOffset == layer.biasOffset + layer.outputSize, "layer \(index + 1) weight offset")
      }
    }
    let last = layers[layers.count - 1]
    #expect(last.biasOffset + last.outputSize == handWorked.parameterCount)
  }

  @Test("parameter count worked by hand")
  func parameterCountWorkedByHand() {
    // Weights in·out plus out biases for each layer:
    // 140·7 + 7 = 987, 7·3 + 3 = 24, 3·2 + 2 = 8,
    // 2·3 + 3 = 9, 3·7 + 7 = 28, 7·140 + 140 = 1120.
    // Sum: 987 + 24 + 8 + 9 + 28 + 1120 = 2176.
    #expect(handWorked.layers.map(\.parameterCount) == [987, 24, 8, 9, 28, 1120])
    #expect(handWorked.layers.map(\.weightOffset) == [0, 987, 1011, 1019, 1028, 1056])
    #expect(handWorked.parameterCount == 2176)
  }

  @Test("valid sizes pass validation")
  func validSizesPassValidation() {
    #expect(handWorked.validationFailure() == nil)
    #expect(Architecture(inputSize: 1, encoderUnits: [], latentSize: 1).validationFailure() == nil)
  }

  @Test("invalid sizes fail validation", arguments: invalidArchitectures)
  fileprivate func invalidSizesFailValidation(_ invalid: InvalidArchitecture) throws {
    let failure = try #require(invalid.architecture.validationFailure())

    #expect(failure.contains(invalid.messageFragment), "Message: \(failure)")
  }
}
