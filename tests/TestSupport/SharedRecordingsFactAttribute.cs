using System.IO;
using Xunit;

namespace ProfileMedia.TestSupport;

/// <summary>
/// A fact that needs a folder of real recordings under ../shared/fixtures. Without it the test is reported as
/// skipped, with the path it looked for, so a clone without ../shared shows what it did not check instead of passing.
/// </summary>
public sealed class SharedRecordingsFactAttribute : FactAttribute
{
    public SharedRecordingsFactAttribute(string subfolder = "")
    {
        if (TestData.SharedRecordings(subfolder) is null)
        {
            string looked = Path.GetFullPath(Path.Combine(TestData.RepositoryRoot, "..", "shared", "fixtures", subfolder));
            Skip = "No real recordings were read: ../shared/fixtures" + (subfolder.Length > 0 ? "/" + subfolder : string.Empty) + " is not beside the repository (looked for " + looked + ").";
        }
    }
}
