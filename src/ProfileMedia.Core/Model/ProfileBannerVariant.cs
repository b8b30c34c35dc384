namespace ProfileMedia;

/// <summary>One size of a profile banner: what <c>Get-ProfileBanner</c> outputs and <c>Save-ProfileMedia</c> takes.</summary>
public sealed class ProfileBannerVariant
{
    /// <summary>Creates a variant; the cmdlets and the core build these, scripts read them.</summary>
    public ProfileBannerVariant(string name, int width, int height, string url, string sourceUrl, string? screenName, string? userId)
    {
        Name = name;
        Width = width;
        Height = height;
        Url = url;
        SourceUrl = sourceUrl;
        ScreenName = screenName;
        UserId = userId;
    }

    /// <summary>The size name, such as 1500x500 or web_retina; sizes X adds later pass through under their own name.</summary>
    public string Name { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The URL of this size. It has no extension: the bytes say what format it is.</summary>
    public string Url { get; }

    /// <summary>The URL or API answer this variant was derived from.</summary>
    public string SourceUrl { get; }

    /// <summary>The user's screen name, when known.</summary>
    public string? ScreenName { get; }

    /// <summary>The user's id, when known.</summary>
    public string? UserId { get; }

    /// <inheritdoc />
    public override string ToString() => Url;
}
