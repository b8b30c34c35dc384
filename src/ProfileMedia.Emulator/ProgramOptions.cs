namespace ProfileMedia.Emulator;

/// <summary>What the command line asks for: the emulator's options and how the program should wait.</summary>
/// <param name="Emulator">The emulator's behaviour.</param>
/// <param name="WatchStandardInput">Whether the end of standard input stops the program.</param>
internal sealed record ProgramOptions(EmulatorOptions Emulator, bool WatchStandardInput);
