using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ProfileMedia.TestSupport;

/// <summary>
/// Where the tests' data lives: the project's own hand-written bodies in tests/data, and the real recordings in
/// ../shared/fixtures beside the repository (absent in a plain clone). The repository root is baked in at build time
/// (TestSupport.props), so neither depends on where the build output or the working directory is.
/// </summary>
internal static class TestData
{
    public static readonly string RepositoryRoot = typeof(TestData).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepositoryRoot").Value!;

    /// <summary>tests/data: bodies written by hand from the documented shapes.</summary>
    public static readonly string OwnFolder = Path.Combine(RepositoryRoot, "tests", "data");

    public static string PathOf(string name)
    {
        string path = Path.Combine(OwnFolder, name);
        return File.Exists(path) ? path : throw new FileNotFoundException("No such file in tests/data.", path);
    }

    public static string ReadText(string name) => File.ReadAllText(PathOf(name));

    public static byte[] ReadBytes(string name) => File.ReadAllBytes(PathOf(name));

    public static IEnumerable<string> AllJsonFileNames() =>
        Directory.GetFiles(OwnFolder, "*.json").Select(Path.GetFileName).Select(name => name!).Order(StringComparer.Ordinal);

    /// <summary>
    /// A folder of real recordings under ../shared/fixtures ("" for v1.1, "v2" for v2), or null when it is not beside
    /// the repository. Never copy its files into the project: read them here, at test time.
    /// </summary>
    public static string? SharedRecordings(string subfolder = "")
    {
        string folder = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "fixtures", subfolder));
        return Directory.Exists(folder) ? folder : null;
    }
}
