using ProfileMedia.Core.Urls;

namespace ProfileMedia.Benchmarks.InProcess
{
    /// <summary>
    /// The work of benchmark 1's reference (c), a minimal compiled cmdlet (Add-Type code in the benchmark, like its no-op
    /// baseline) that calls this once per URL: the core's own URL rules, internal to ProfileMedia.Core and granted only to
    /// this assembly. Parse, the variant URL and one ProfileImageVariant, as Get-ProfileImageVariant -Size bigger does.
    /// </summary>
    public static class MinimalVariant
    {
        /// <summary>The 'bigger' variant of a profile image URL, or null when the text is not one.</summary>
        public static ProfileImageVariant? Bigger(string value)
        {
            if (ProfileImageUrl.TryParse(value, out ProfileImageUrl url) != UrlProblem.None)
            {
                return null;
            }

            ProfileImageSize size = ProfileImageSize.Bigger;
            return new ProfileImageVariant(size.Name, size.Width, size.Height, url.GetVariantUrl(size, false), url.IsDefaultImage, url.Source, null, null);
        }
    }
}
