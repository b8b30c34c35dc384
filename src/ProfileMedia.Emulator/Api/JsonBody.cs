using System;
using System.Buffers;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ProfileMedia.Emulator.Api;

/// <summary>Renders a JSON body into memory first, so the answer carries an exact content-length like the service's.</summary>
internal static class JsonBody
{
    public static Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return ApiResponses.WriteJsonAsync(context, status, buffer.WrittenMemory);
    }
}
