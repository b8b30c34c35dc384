using System.Net.Http;
using System.Net.Http.Headers;

namespace ProfileMedia.Core.Uploads;

/// <summary>The multipart body of an upload: the raw bytes streamed from the file in one part, never base64.</summary>
internal static class ImageUpload
{
    public static HttpContent Create(string partName, ImageFile image)
    {
        var file = new StreamContent(image.OpenRead(), 81920);
        file.Headers.ContentType = new MediaTypeHeaderValue(image.MediaType);
        var body = new MultipartFormDataContent();
        body.Add(file, partName, image.UploadFileName);
        return body;
    }
}
