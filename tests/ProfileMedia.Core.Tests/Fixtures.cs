using System.IO;

namespace ProfileMedia.Core.Tests
{
    /// <summary>Finds the recorded X API bodies kept in tests/fixtures.</summary>
    internal static class Fixtures
    {
        public static string PathOf(string name)
        {
            for (var folder = new DirectoryInfo(System.AppContext.BaseDirectory); folder != null; folder = folder.Parent)
            {
                string candidate = Path.Combine(folder.FullName, "tests", "fixtures", name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("Fixture not found above the test assembly.", name);
        }
    }
}
