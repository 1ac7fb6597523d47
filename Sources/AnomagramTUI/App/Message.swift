import AnomagramCore

/// Everything that happens to the app; `update` turns each into a new state.
public enum Message: Sendable {
  case keyPressed(Key)
  case mouse(MouseEvent)
  case terminalResized(Size)
  /// A newer snapshot of the current run.
  case snapshotArrived(TrainingSnapshot)
  /// A run was built and started; `warnings` say where the data fell short
  /// of the settings.
  case runStarted(warnings: [String])
  /// Starting a run failed before training began (for example, the split
  /// could not be drawn); the text says why.
  case runFailedToStart(String)
}

/// A side effect for the run loop to carry out after `update`.
public enum Command: Equatable, Sendable {
  /// Build a new model and split from these settings and start training;
  /// with `singleEpoch`, pause after the first epoch.
  case startRun(TrainingConfiguration, SplitConfiguration, singleEpoch: Bool)
  case pauseRun
  case resumeRun
  /// Train until the end of the current epoch, then pause.
  case stepEpoch
  /// End the current run and forget it.
  case discardRun
  case setLearningRate(Float)
  case quit
}
