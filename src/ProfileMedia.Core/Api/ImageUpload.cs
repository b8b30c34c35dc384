using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.Text;
using ProfileMedia.Core.Uploads;

namespace ProfileMedia.Core.Api;

/// <summary>The multipart body of an upload: the raw bytes streamed from the file in one part, never base64.</summary>
internal static class ImageUpload
{
    /// <summary>
    /// The body for one attempt. The file is opened here, before anything is sent: a file removed or locked since it
    /// was checked is an <see cref="XApiException"/> that says nothing was sent, not a failed connection.
    /// </summary>
    public static HttpContent Create(string partName, ImageFile image)
    {
        Stream stream;
        try
        {
            stream = image.OpenRead();
        }
        catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
        {
            throw NotSent(ErrorIds.ImageFileNotFound, image, "no longer exists", e);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            throw NotSent(ErrorIds.ImageFileUnreadable, image, "can no longer be read (" + MessageText.Reason(e).TrimEnd('.') + ")", e);
        }

        var file = new StreamContent(stream, 81920);
        file.Headers.ContentType = new MediaTypeHeaderValue(image.MediaType);
        var body = new MultipartFormDataContent();
        body.Add(file, partName, image.UploadFileName);
        return body;
    }

    private static XApiException NotSent(string errorId, ImageFile image, string what, Exception inner) =>
        new XApiException("The image file " + MessageText.Quote(image.Path) + " " + what + ": it was not sent, and the account was not changed.",
            errorId, (HttpStatusCode?)null, Array.Empty<XApiErrorDetail>(), null, null, inner);
}
