import AnomagramCore
import Foundation

/// Everything that happens to the app; `update` turns each into a new state.
public enum Message: Sendable {
  case keyPressed(Key)
  case mouse(MouseEvent)
  case terminalResized(Size)
  /// A newer snapshot of the current run.
  case snapshotArrived(TrainingSnapshot)
  /// A run was built and started; `warnings` say where the data fell short
  /// of the settings. `startedAt` is when, for the run history (`nil` when
  /// unknown).
  case runStarted(warnings: [String], startedAt: Date? = nil)
  /// Starting a run failed before training began (for example, the split
  /// could not be drawn); the text says why.
  case runFailedToStart(String)
  /// The settings file was read at launch, or could not be.
  case settingsLoaded(Result<UserSettings, UserSettingsError>)
  /// Saving the settings file failed.
  case settingsSaveFailed(UserSettingsError)
  /// A file command finished (see `FileCommand`).
  case files(FileEvent)
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
  /// Read or write a file, or change the data the runs use.
  case files(FileCommand)
  /// Write the settings file, keeping the keys of the existing one that
  /// `UserSettings` does not know.
  case saveSettings(UserSettings)
  case quit
}
