namespace ProfileMedia.TestSupport;

/// <summary>
/// The PROFILEMEDIA_* environment variables the xunit tests read, by name, in one place; tests/ENVIRONMENT.md lists
/// every PROFILEMEDIA_* variable of the project (the module's own and the harness's), who sets it and who reads it.
/// </summary>
internal static class HarnessEnvironment
{
    /// <summary>Fuzz cases per target; unset, the small default of the inner loop. .ci/run sets the full million.</summary>
    public const string FuzzCases = "PROFILEMEDIA_FUZZ_CASES";

    /// <summary>The fuzz run seed (decimal), to replay a failure; unset, a fixed seed.</summary>
    public const string FuzzSeed = "PROFILEMEDIA_FUZZ_SEED";

    /// <summary>Where the fuzz and transport tests leave their figures for the reliability report; unset, nowhere.</summary>
    public const string ReliabilityDirectory = "PROFILEMEDIA_RELIABILITY_DIR";
}
