using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace ProfileMedia.Emulator.Tests;

/// <summary>Reads answer bodies as JSON.</summary>
internal static class ResponseJson
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The single error code of a {"errors":[{"code":N,...}]} body.</summary>
    public static async Task<int> ErrorCodeAsync(HttpResponseMessage response) =>
        (await ReadAsync(response)).GetProperty("errors")[0].GetProperty("code").GetInt32();

    /// <summary>The code and message of the one error in a {"errors":[...]} body: what a client reads from it.</summary>
    public static async Task<(int Code, string Message)> ErrorAsync(HttpResponseMessage response) =>
        ErrorOf(await ReadAsync(response));

    public static (int Code, string Message) ErrorOf(JsonElement body)
    {
        JsonElement error = body.GetProperty("errors").EnumerateArray().Single();
        return (error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString()!);
    }
}
