using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ProfileMedia.Emulator.Api;

/// <summary>Writes answers the way the service does: JSON as application/json;charset=utf-8, empty bodies as text/html.</summary>
internal static class ApiResponses
{
    public const string JsonContentType = "application/json;charset=utf-8";
    public const string EmptyContentType = "text/html;charset=utf-8";

    public static Task WriteErrorAsync(HttpContext context, ApiError error)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("errors");
            json.WriteStartObject();

            // The recorded "page does not exist" and 453 bodies list message before code; keep them byte for byte.
            if (error.Code == ApiError.PageDoesNotExist.Code || error.Code == ApiError.OutsideAccessTier.Code)
            {
                json.WriteString("message", error.Message);
                json.WriteNumber("code", error.Code);
            }
            else
            {
                json.WriteNumber("code", error.Code);
                json.WriteString("message", error.Message);
            }

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return WriteJsonAsync(context, error.Status, buffer.WrittenMemory);
    }

    public static async Task WriteJsonAsync(HttpContext context, int status, ReadOnlyMemory<byte> body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonContentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A text body (HTML, plain text, form-encoded tokens) with its content type and length.</summary>
    public static async Task WriteTextAsync(HttpContext context, int status, string contentType, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    public static Task WriteEmptyAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = EmptyContentType;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    /// <summary>413 for an oversized picture has been seen with no body and no content type at all.</summary>
    public static Task WriteBareStatusAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    public static void SetRateLimitHeaders(HttpResponse response, int limit, int remaining, long resetEpochSeconds)
    {
        response.Headers["x-rate-limit-limit"] = limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-rate-limit-remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-rate-limit-reset"] = resetEpochSeconds.ToString(CultureInfo.InvariantCulture);
    }
}
