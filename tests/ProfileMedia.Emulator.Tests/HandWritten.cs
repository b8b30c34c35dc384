using System.Text.Json;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Emulator.Tests;

/// <summary>The project's hand-written bodies in tests/data, the documented shapes the emulator must answer with.</summary>
internal static class HandWritten
{
    public static JsonElement Load(string fileName) => JsonDocument.Parse(TestData.ReadText(fileName)).RootElement.Clone();

    public static (int Code, string Message) ErrorOf(string fileName) => ResponseJson.ErrorOf(Load(fileName));
}
