using System.Text;
using ProfileMedia.Core.Json;

namespace ProfileMedia.Core.Tests.Json;

/// <summary>Parses JSON written as a C# string the way the module reads an answer: as its UTF-8 bytes.</summary>
internal static class JsonText
{
    public static JsonValue Parse(string json)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        return JsonReader.Parse(utf8, 0, utf8.Length);
    }
}
