using System.Globalization;
using ProfileMedia.Core.Errors;
using ProfileMedia.Core.Text;

namespace ProfileMedia.Core.Urls;

/// <summary>User-facing sentences for each <see cref="UrlProblem"/>, naming the offending value, and the advice that goes with it.</summary>
internal static class UrlProblemMessages
{
    /// <summary>Describes <paramref name="problem"/> for the value the user gave; <paramref name="what"/> names the kind of URL.</summary>
    public static string Describe(UrlProblem problem, string? value, string what)
    {
        string quoted = UrlText.Shown(value);
        switch (problem)
        {
            case UrlProblem.NullUrl:
                return string.Format(CultureInfo.InvariantCulture, "The {0} is null: the input object has no {0}.", what);
            case UrlProblem.EmptyUrl:
                return string.Format(CultureInfo.InvariantCulture, "The {0} is empty.", what);
            case UrlProblem.UrlNotAbsoluteHttp:
                return string.Format(CultureInfo.InvariantCulture, "The {0} {1} is not an absolute http or https URL.", what, quoted);
            case UrlProblem.UrlHasInvalidCharacters:
                return string.Format(CultureInfo.InvariantCulture, "The {0} {1} contains white space, a control character or a backslash.", what, quoted);
            case UrlProblem.UrlHasNoFileSegment:
                return string.Format(CultureInfo.InvariantCulture, "The {0} {1} has no file name in its path to derive a size from.", what, quoted);
            case UrlProblem.BannerUrlWithoutSize:
                return string.Format(CultureInfo.InvariantCulture, "The {0} {1} is a banner URL without a size.", what, quoted);
            default:
                return string.Format(CultureInfo.InvariantCulture, "The {0} {1} is valid.", what, quoted);
        }
    }

    /// <summary>What the cmdlets add after <see cref="Describe"/> for <paramref name="problem"/>.</summary>
    public static AdviceKind AdviceFor(UrlProblem problem) => problem == UrlProblem.BannerUrlWithoutSize ? AdviceKind.PipeThroughGetProfileBanner : AdviceKind.None;
}
