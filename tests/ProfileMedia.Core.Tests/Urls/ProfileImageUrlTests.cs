using ProfileMedia.Core.Urls;

namespace ProfileMedia.Core.Tests.Urls;

public class ProfileImageUrlTests
{
    private static string Variant(string url, ProfileImageSize size, bool https = false)
    {
        Assert.Equal(UrlProblem.None, ProfileImageUrl.TryParse(url, out ProfileImageUrl parsed));
        return parsed.GetVariantUrl(size, https);
    }

    [Theory]
    [InlineData("https://pbs.twimg.com/profile_images/1354479643882004483/Btnfm47p_normal.jpg", "https://pbs.twimg.com/profile_images/1354479643882004483/Btnfm47p_bigger.jpg")]
    [InlineData("https://pbs.twimg.com/profile_images/1/x_400x400.PNG", "https://pbs.twimg.com/profile_images/1/x_bigger.PNG")]
    [InlineData("http://a0.twimg.com/profile_images/1697484692/image_normal", "http://a0.twimg.com/profile_images/1697484692/image_bigger")]
    [InlineData("https://si0.twimg.com/profile_images/1/a.b.c_mini.jpeg", "https://si0.twimg.com/profile_images/1/a.b.c_bigger.jpeg")]
    [InlineData("http://127.0.0.1:5123/profile_images/9/n_normal.gif?x=_normal.gif#_mini", "http://127.0.0.1:5123/profile_images/9/n_bigger.gif?x=_normal.gif#_mini")]
    [InlineData("HTTPS://PBS.TWIMG.COM:443/profile_images/1/Ab_normal.jpg", "HTTPS://PBS.TWIMG.COM:443/profile_images/1/Ab_bigger.jpg")]
    [InlineData("https://pbs.twimg.com/profile_images/1/x.jpg", "https://pbs.twimg.com/profile_images/1/x_bigger.jpg")]
    [InlineData("https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png", "https://abs.twimg.com/sticky/default_profile_images/default_profile_bigger.png")]
    public void Bigger_replaces_only_the_marker_of_the_last_segment(string input, string expected)
    {
        Assert.Equal(expected, Variant(input, ProfileImageSize.Bigger));
    }

    [Theory]
    [InlineData("https://pbs.twimg.com/profile_images/1/Logo_400x400_normal.png", "https://pbs.twimg.com/profile_images/1/Logo_400x400.png")]
    [InlineData("https://pbs.twimg.com/profile_images/1/yuE68O2__normal.jpg", "https://pbs.twimg.com/profile_images/1/yuE68O2_.jpg")]
    [InlineData("http://a0.twimg.com/profile_images/1697484692/image_normal", "http://a0.twimg.com/profile_images/1697484692/image")]
    [InlineData("https://pbs.twimg.com/profile_images/1/_normal.png", "https://pbs.twimg.com/profile_images/1/_normal.png")]
    [InlineData("https://pbs.twimg.com/profile_images/1/.png", "https://pbs.twimg.com/profile_images/1/.png")]
    [InlineData("https://pbs.twimg.com/profile_images/1/x_normal.", "https://pbs.twimg.com/profile_images/1/x.")]
    [InlineData("https://pbs.twimg.com/a_normal.b/c_normal", "https://pbs.twimg.com/a_normal.b/c")]
    public void Original_removes_the_last_marker_only(string input, string expected)
    {
        Assert.Equal(expected, Variant(input, ProfileImageSize.Original));
    }

    [Theory]
    [InlineData("https://pbs.twimg.com/profile_images/1/A_NORMAL.JPG", "normal", "https://pbs.twimg.com/profile_images/1/A_bigger.JPG", "https://pbs.twimg.com/profile_images/1/A.JPG")]
    [InlineData("https://abs.twimg.com/sticky/default_profile_images/Default_Profile_Normal.png", "normal", "https://abs.twimg.com/sticky/default_profile_images/Default_Profile_bigger.png", "https://abs.twimg.com/sticky/default_profile_images/Default_Profile.png")]
    [InlineData("https://pbs.twimg.com/profile_images/1/x_400X400.jpg", "400x400", "https://pbs.twimg.com/profile_images/1/x_bigger.jpg", "https://pbs.twimg.com/profile_images/1/x.jpg")]
    public void A_size_marker_is_recognised_in_any_case_and_variants_use_the_services_own_spelling(string input, string size, string bigger, string original)
    {
        Assert.Equal(UrlProblem.None, ProfileImageUrl.TryParse(input, out ProfileImageUrl parsed));
        Assert.Equal(size, parsed.Size.Name);
        Assert.Equal(bigger, Variant(input, ProfileImageSize.Bigger));
        Assert.Equal(original, Variant(input, ProfileImageSize.Original));
    }

    [Fact]
    public void A_host_that_looks_like_a_file_name_is_never_touched()
    {
        // A peer turns a0.twimg.com/.../image_normal into a0.twimg_bigger.com/...: the rule must read the path only.
        Assert.Equal("http://a0.twimg.com/profile_images/1697484692/image_bigger", Variant("http://a0.twimg.com/profile_images/1697484692/image_normal", ProfileImageSize.Bigger));
        Assert.Equal("http://a0.twimg.com/x_bigger", Variant("http://a0.twimg.com/x", ProfileImageSize.Bigger));
        Assert.Equal("http://image_normal.png/x_bigger", Variant("http://image_normal.png/x", ProfileImageSize.Bigger));
    }

    [Fact]
    public void Https_upgrades_plain_http_and_keeps_everything_else()
    {
        Assert.Equal("https://pbs.twimg.com:8080/profile_images/1/x_mini.jpg?a=b", Variant("http://pbs.twimg.com:8080/profile_images/1/x_normal.jpg?a=b", ProfileImageSize.Mini, https: true));
        Assert.Equal("https://pbs.twimg.com/profile_images/1/x_mini.jpg", Variant("https://pbs.twimg.com/profile_images/1/x_normal.jpg", ProfileImageSize.Mini, https: true));
        Assert.Equal("https://pbs.twimg.com/profile_images/1/x_normal.jpg", Variant("HTTP://pbs.twimg.com/profile_images/1/x_normal.jpg", ProfileImageSize.Normal, https: true));
    }

    [Fact]
    public void The_same_size_returns_the_source_string_itself()
    {
        const string source = "https://pbs.twimg.com/profile_images/1/x_normal.jpg";
        Assert.Same(source, Variant(source, ProfileImageSize.Normal));
    }

    [Theory]
    [InlineData("https://pbs.twimg.com/profile_images/1/x_normal.jpg", "normal", false)]
    [InlineData("https://pbs.twimg.com/profile_images/1/x.jpg", "original", false)]
    [InlineData("https://pbs.twimg.com/profile_images/1/x_200x200", "200x200", false)]
    [InlineData("https://abs.twimg.com/sticky/default_profile_images/default_profile_400x400.png", "400x400", true)]
    [InlineData("http://127.0.0.1:1/DEFAULT_PROFILE_IMAGES/default_profile.png", "original", true)]
    [InlineData("http://127.0.0.1:1/my_default_profile_images/default_profile.png", "original", false)]
    public void Reads_the_size_and_whether_it_is_a_default_image(string input, string size, bool isDefault)
    {
        Assert.Equal(UrlProblem.None, ProfileImageUrl.TryParse(input, out ProfileImageUrl parsed));
        Assert.Equal(size, parsed.Size.Name);
        Assert.Equal(isDefault, parsed.IsDefaultImage);
    }

    [Theory]
    [InlineData(null, nameof(UrlProblem.NullUrl))]
    [InlineData("", nameof(UrlProblem.EmptyUrl))]
    [InlineData("   ", nameof(UrlProblem.EmptyUrl))]
    [InlineData("pbs.twimg.com/profile_images/1/x_normal.jpg", nameof(UrlProblem.UrlNotAbsoluteHttp))]
    [InlineData("ftp://pbs.twimg.com/x_normal.jpg", nameof(UrlProblem.UrlNotAbsoluteHttp))]
    [InlineData("file:///etc/x_normal.jpg", nameof(UrlProblem.UrlNotAbsoluteHttp))]
    [InlineData("https:///x_normal.jpg", nameof(UrlProblem.UrlNotAbsoluteHttp))]
    [InlineData("https://", nameof(UrlProblem.UrlNotAbsoluteHttp))]
    [InlineData("https://pbs.twimg.com", nameof(UrlProblem.UrlHasNoFileSegment))]
    [InlineData("https://pbs.twimg.com?x=_normal.jpg", nameof(UrlProblem.UrlHasNoFileSegment))]
    [InlineData("https://pbs.twimg.com/", nameof(UrlProblem.UrlHasNoFileSegment))]
    [InlineData("https://pbs.twimg.com/profile_images/1/", nameof(UrlProblem.UrlHasNoFileSegment))]
    [InlineData("https://pbs.twimg.com/profile images/x_normal.jpg", nameof(UrlProblem.UrlHasInvalidCharacters))]
    [InlineData("https://pbs.twimg.com/x_normal.jpg\n", nameof(UrlProblem.UrlHasInvalidCharacters))]
    [InlineData("https://pbs.twimg.com\\x_normal.jpg", nameof(UrlProblem.UrlHasInvalidCharacters))]
    public void Refuses_what_is_not_a_usable_url(string? input, string expected)
    {
        Assert.Equal(expected, ProfileImageUrl.TryParse(input, out _).ToString());
    }

    [Fact]
    public void A_message_names_the_value_and_shortens_a_huge_one()
    {
        string huge = "https://x/" + new string('a', 100_000);
        string message = UrlProblemMessages.Describe(UrlProblem.UrlHasNoFileSegment, huge, "profile image URL");
        Assert.Contains("https://x/aaa", message, System.StringComparison.Ordinal);
        Assert.Contains("100010 characters", message, System.StringComparison.Ordinal);
        Assert.True(message.Length < 400);
        Assert.Contains("\\u0007", UrlProblemMessages.Describe(UrlProblem.UrlHasInvalidCharacters, "https://x/\a", "URL"), System.StringComparison.Ordinal);
    }
}
