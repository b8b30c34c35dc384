using System.Collections.Generic;
using System.IO;

namespace ProfileMedia.Core.Tests;

/// <summary>
/// The recorded X API bodies of tests/fixtures. The build copies them beside the test assembly, so they are found
/// wherever the output goes (--artifacts-path puts it outside the repository).
/// </summary>
internal static class Fixtures
{
    private static readonly string Folder = Path.Combine(System.AppContext.BaseDirectory, "fixtures");

    public static string PathOf(string name)
    {
        string path = Path.Combine(Folder, name);
        return File.Exists(path) ? path : throw new FileNotFoundException("Fixture not copied beside the test assembly.", path);
    }

    public static string ReadText(string name) => File.ReadAllText(PathOf(name));

    public static byte[] ReadBytes(string name) => File.ReadAllBytes(PathOf(name));

    public static IEnumerable<string> AllJsonFileNames()
    {
        foreach (string file in Directory.GetFiles(Folder, "*.json"))
        {
            yield return Path.GetFileName(file);
        }
    }
}
