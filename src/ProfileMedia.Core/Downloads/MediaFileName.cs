using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ProfileMedia.Core.Images;

namespace ProfileMedia.Core.Downloads;

/// <summary>
/// Deterministic, safe file names for downloaded media: <c>Twitter_400x400.jpg</c>, <c>Twitter_banner_1500x500</c>,
/// or <c>media_0123456789abcdef_400x400.jpg</c> for a URL with no known user. The same input always gives the same
/// name, so a second run finds the files of the first.
/// </summary>
/// <remarks>
/// Every component that comes from input (screen name, user id, size name) keeps only [A-Za-z0-9_-]; anything else
/// becomes '_'. So a name can hold no separator, no dot (hence never "." or "..", never a trailing dot), no drive
/// colon and no control character, whatever the input. Distinct hostile inputs may map to one name ("a/b" and "a:b");
/// real screen names ([A-Za-z0-9_]) and ids (digits) pass unchanged, so real users never collide. The URL itself is
/// never used as text: a user-less name is a hash of it.
/// </remarks>
internal static class MediaFileName
{
    /// <summary>The longest one component (owner or size) may be.</summary>
    public const int MaxComponentLength = 64;

    /// <summary>The longest a whole file name may be, extension included.</summary>
    public const int MaxNameLength = 120;

    /// <summary>The longest a name without its extension may be: room is kept for the longest extension, ".webp".</summary>
    public const int MaxStemLength = MaxNameLength - 5;

    // A shortened name ends in '_' and 16 hex digits of the full name's hash, so two long names that share a prefix stay apart.
    private const int HashLength = 16;

    private static readonly string[] ReservedDeviceNames =
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>The name of one profile image size without extension: <c>Twitter_400x400</c>.</summary>
    /// <param name="screenName">The user's screen name; preferred as the owner part.</param>
    /// <param name="userId">The user's id; the owner part when there is no screen name.</param>
    /// <param name="imageSize">The size name: "400x400", "normal", "original"...</param>
    /// <param name="url">The media URL; its hash is the owner part when there is neither screen name nor user id.</param>
    public static string ImageStem(string? screenName, string? userId, string imageSize, string? url = null) =>
        Compose(Owner(screenName, userId, url) + "_" + SanitizeComponent(imageSize));

    /// <summary>
    /// The name of one banner size without extension: <c>Twitter_banner_1500x500</c>. Banner URLs have no extension;
    /// the download adds the one the bytes show.
    /// </summary>
    /// <param name="screenName">The user's screen name; preferred as the owner part.</param>
    /// <param name="userId">The user's id; the owner part when there is no screen name.</param>
    /// <param name="bannerSizeName">The banner size name: "1500x500", "web", "mobile_retina"...</param>
    /// <param name="url">The banner URL; its hash is the owner part when there is neither screen name nor user id.</param>
    public static string ForBanner(string? screenName, string? userId, string bannerSizeName, string? url = null) =>
        Compose(Owner(screenName, userId, url) + "_banner_" + SanitizeComponent(bannerSizeName));

    /// <summary>
    /// The image extension a URL's path ends in (".jpg", ".png", ".gif", ".webp"), normalised as
    /// <see cref="AcceptedExtension"/> does; null for no extension, another extension or a URL that does not parse.
    /// </summary>
    public static string? ExtensionOfUrl(string? url)
    {
        if (url == null || !Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
        {
            return null;
        }

        // Only the last path segment counts: a dot in a folder ("/v1.2/abc") is not an extension.
        string path = uri.AbsolutePath;
        string segment = path.Substring(path.LastIndexOf('/') + 1);
        int dot = segment.LastIndexOf('.');
        return dot < 0 ? null : AcceptedExtension(segment.Substring(dot));
    }

    /// <summary>
    /// <paramref name="extension"/> lower-cased with a leading dot when it is an image extension (jpg, jpeg, png, gif,
    /// webp, any case, dot optional), else null. ".jpeg" becomes ".jpg": that is the extension the bytes of a JPEG get
    /// (<see cref="ImageExtension.Jpeg"/>), so the name checked before a download is the name saved after it.
    /// </summary>
    public static string? AcceptedExtension(string? extension)
    {
        if (extension == null)
        {
            return null;
        }

        string bare = extension.StartsWith(".", StringComparison.Ordinal) ? extension.Substring(1) : extension;
        switch (bare.ToUpperInvariant())
        {
            case "JPG":
            case "JPEG":
                return ImageExtension.Jpeg;
            case "PNG":
                return ImageExtension.Png;
            case "GIF":
                return ImageExtension.Gif;
            case "WEBP":
                return ImageExtension.WebP;
            default:
                return null;
        }
    }

    /// <summary>
    /// One input value made safe as part of a file name: characters outside [A-Za-z0-9_-] become '_'; an empty value
    /// becomes "_"; a value longer than <see cref="MaxComponentLength"/> is cut and ends in a hash of the whole value;
    /// a Windows device name (CON, NUL, COM1...) gets a leading '_'.
    /// </summary>
    public static string SanitizeComponent(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "_";
        }

        var safe = new StringBuilder(Math.Min(value!.Length, MaxComponentLength + 1));
        foreach (char c in value)
        {
            safe.Append(IsAllowed(c) ? c : '_');
            if (safe.Length > MaxComponentLength)
            {
                break;
            }
        }

        string result = safe.Length > MaxComponentLength ? Shorten(safe.ToString(), value, MaxComponentLength) : safe.ToString();
        return IsReservedDeviceName(result) ? "_" + result : result;
    }

    /// <summary>
    /// True when <paramref name="stem"/> is a name these rules could have made: 1 to <see cref="MaxStemLength"/>
    /// characters of [A-Za-z0-9_-] and no Windows device name. The downloader refuses any other name.
    /// </summary>
    public static bool IsSafeStem(string? stem)
    {
        if (string.IsNullOrEmpty(stem) || stem!.Length > MaxStemLength || IsReservedDeviceName(stem))
        {
            return false;
        }

        foreach (char c in stem)
        {
            if (!IsAllowed(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first 16 lower-case hex digits of the SHA-256 of <paramref name="text"/>'s UTF-8 bytes.</summary>
    internal static string Hash16(string text)
    {
        using var sha = SHA256.Create();
        byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var hex = new StringBuilder(HashLength);
        for (int i = 0; i < HashLength / 2; i++)
        {
            hex.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }

    private static string Owner(string? screenName, string? userId, string? url)
    {
        // Blank counts as absent: "   " as a screen name is a missing value, not a user called "___".
        if (!string.IsNullOrWhiteSpace(screenName))
        {
            return SanitizeComponent(screenName!.Trim());
        }

        if (!string.IsNullOrWhiteSpace(userId))
        {
            return SanitizeComponent(userId!.Trim());
        }

        return string.IsNullOrEmpty(url) ? "media" : "media_" + Hash16(url!);
    }

    private static string Compose(string stem) => stem.Length > MaxStemLength ? Shorten(stem, stem, MaxStemLength) : stem;

    // Cut to fit and end in a hash of the original, so the result is still unique per input and still deterministic.
    private static string Shorten(string safe, string original, int maxLength) =>
        safe.Substring(0, maxLength - HashLength - 1) + "_" + Hash16(original);

    private static bool IsAllowed(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';

    // Windows reserves these names with any extension; a safe name holds no dot, so the whole name is what to compare.
    private static bool IsReservedDeviceName(string name)
    {
        foreach (string reserved in ReservedDeviceNames)
        {
            if (string.Equals(name, reserved, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
