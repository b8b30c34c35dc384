using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ProfileMedia.Emulator.Api;

/// <summary>
/// Finds the picture in an upload, sent either as a multipart file part holding raw bytes or as a base64 value in a
/// form-encoded body; the service accepts both. A multipart body is streamed: the file part is kept only up to its limit
/// and the rest of it is read and dropped, so an oversized upload still gets a clean answer instead of a reset connection.
/// </summary>
internal static class UploadReader
{
    private const int FieldLengthLimit = 64 * 1024;

    public static async Task<Upload> ReadAsync(ApiRequest request, string partName, int maxBytes)
    {
        if (request.Form is not null)
        {
            return FromBase64(request.Parameter(partName), maxBytes);
        }

        var boundary = MultipartBoundary(request.Context.Request.ContentType);
        if (boundary is null)
        {
            return Upload.Missing;
        }

        try
        {
            return await ReadMultipartAsync(request, boundary, partName, maxBytes).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidDataException
            || (exception is IOException and not BadHttpRequestException && !request.Context.RequestAborted.IsCancellationRequested))
        {
            return Upload.Missing; // not valid multipart, or cut short: the service cannot find the part either
        }
    }

    private static Upload FromBase64(string? value, int maxBytes)
    {
        if (value is null)
        {
            return Upload.Missing;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            return Upload.NotBase64;
        }

        return bytes.Length > maxBytes ? Upload.TooLarge : new Upload(UploadOutcome.Received, bytes);
    }

    private static string? MultipartBoundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary);
        return boundary.HasValue && boundary.Length > 0 ? boundary.Value : null;
    }

    private static async Task<Upload> ReadMultipartAsync(ApiRequest request, string boundary, string partName, int maxBytes)
    {
        var cancellation = request.Context.RequestAborted;
        var reader = new MultipartReader(boundary, request.Context.Request.Body);
        var upload = Upload.Missing;
        while (await reader.ReadNextSectionAsync(cancellation).ConfigureAwait(false) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
            if (name == partName && upload.Outcome == UploadOutcome.Missing)
            {
                upload = await ReadCappedAsync(section.Body, maxBytes, cancellation).ConfigureAwait(false);
            }
            else if (!disposition.IsFileDisposition())
            {
                request.AddMultipartField(name, await ReadFieldAsync(section.Body, cancellation).ConfigureAwait(false));
            }
        }

        return upload;
    }

    private static async Task<Upload> ReadCappedAsync(Stream body, int maxBytes, CancellationToken cancellation)
    {
        using var kept = new MemoryStream();
        var buffer = new byte[81920];
        var total = 0L;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellation).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total <= maxBytes)
            {
                kept.Write(buffer, 0, read);
            }
        }

        return total > maxBytes ? Upload.TooLarge : new Upload(UploadOutcome.Received, kept.ToArray());
    }

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken cancellation)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellation).ConfigureAwait(false);
        return text.Length > FieldLengthLimit ? text[..FieldLengthLimit] : text;
    }
}
