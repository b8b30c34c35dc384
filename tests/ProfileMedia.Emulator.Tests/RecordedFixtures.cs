using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ProfileMedia.Emulator.Tests;

/// <summary>The recorded X API bodies in tests/fixtures, found from the source tree wherever the build output went.</summary>
internal static class RecordedFixtures
{
    public static JsonElement Load(string fileName) =>
        JsonDocument.Parse(File.ReadAllText(Find(fileName))).RootElement.Clone();

    private static string Find(string fileName, [CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = start; !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
            {
                var candidate = Path.Combine(directory, "tests", "fixtures", fileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"tests/fixtures/{fileName} not found above the test sources or the working directory.");
    }
}
