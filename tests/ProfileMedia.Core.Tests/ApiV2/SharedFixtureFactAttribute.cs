using System.IO;
using System.Runtime.CompilerServices;

namespace ProfileMedia.Core.Tests.ApiV2;

/// <summary>
/// A fact over the real recordings in ../shared/fixtures/v2 (beside the repository root, never copied into it):
/// skipped, with the reason in the test report, when that folder is absent.
/// </summary>
public sealed class SharedFixtureFactAttribute : FactAttribute
{
    public SharedFixtureFactAttribute([CallerFilePath] string sourceFile = "")
    {
        Folder = FindFolder(sourceFile);
        if (Folder == null)
        {
            Skip = "../shared/fixtures/v2 is not beside the repository root: the real v2 recordings are not available here.";
        }
    }

    /// <summary>The folder of recordings, or null.</summary>
    public string? Folder { get; }

    /// <summary>The folder from the repository root (the directory holding ProfileMedia.sln) of this source file.</summary>
    public static string? FindFolder([CallerFilePath] string sourceFile = "")
    {
        for (var directory = Path.GetDirectoryName(sourceFile); !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "ProfileMedia.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(directory, "..", "shared", "fixtures", "v2"));
                return Directory.Exists(shared) ? shared : null;
            }
        }

        return null;
    }
}
