namespace ProfileMedia;

/// <summary>One size of a profile image: what <c>Get-ProfileImageVariant</c> outputs and <c>Save-ProfileMedia</c> takes.</summary>
public sealed class ProfileImageVariant
{
    /// <summary>Creates a variant; the cmdlets and the core build these, scripts read them.</summary>
    public ProfileImageVariant(string size, int? width, int? height, string url, bool isDefaultImage, string sourceUrl, string? screenName, string? userId)
    {
        Size = size;
        Width = width;
        Height = height;
        Url = url;
        IsDefaultImage = isDefaultImage;
        SourceUrl = sourceUrl;
        ScreenName = screenName;
        UserId = userId;
    }

    /// <summary>The size name: mini, normal, bigger, 200x200, 400x400 or original.</summary>
    public string Size { get; }

    /// <summary>Width in pixels; empty for the original, whose dimensions are whatever was uploaded.</summary>
    public int? Width { get; }

    /// <summary>Height in pixels; empty for the original.</summary>
    public int? Height { get; }

    /// <summary>The URL of this size.</summary>
    public string Url { get; }

    /// <summary>True for X's placeholder image, which every account without an upload shares.</summary>
    public bool IsDefaultImage { get; }

    /// <summary>The URL this variant was derived from.</summary>
    public string SourceUrl { get; }

    /// <summary>The user's screen name, when the input was a user object; lets downloads refresh an outdated URL.</summary>
    public string? ScreenName { get; }

    /// <summary>The user's id, when the input was a user object.</summary>
    public string? UserId { get; }

    /// <inheritdoc />
    public override string ToString() => Url;
}
