using System;
using System.Text;
using ProfileMedia.Core.Activity;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Errors;

namespace ProfileMedia.Core.Tests.Activity;

/// <summary>Stream frames as the module reads them: events of the watched kinds, other types passed over, error objects.</summary>
public sealed class ActivityResponseParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_picture_event_gives_the_urls_as_image_variants_of_the_size_they_name()
    {
        var change = Parse("{\"data\":{\"event_type\":\"profile.update.profile_picture\",\"event_uuid\":\"e1\",\"filter\":{\"user_id\":\"42\"},\"tag\":\"t\",\"payload\":{\"before\":\"https://pbs.twimg.com/profile_images/1/old_normal.jpg\",\"after\":\"https://pbs.twimg.com/profile_images/2/new_normal.png\"}}}")!;

        Assert.Equal(("e1", ProfileMediaWatchKind.Image, "42", "t", Now), (change.EventId, change.Kind, change.UserId, change.Tag, change.ReceivedAt));
        var after = Assert.IsType<ProfileImageVariant>(change.New);
        Assert.Equal(("normal", "https://pbs.twimg.com/profile_images/2/new_normal.png", "42"), (after.Size, after.Url, after.UserId));
        Assert.Equal("https://pbs.twimg.com/profile_images/1/old_normal.jpg", Assert.IsType<ProfileImageVariant>(change.Old).Url);
    }

    [Fact]
    public void A_removed_banner_has_no_new_url_and_the_old_one_is_its_1500x500_variant()
    {
        var change = Parse("{\"data\":{\"event_type\":\"profile.update.banner_picture\",\"event_uuid\":\"e2\",\"filter\":{\"user_id\":\"42\"},\"payload\":{\"before\":\"https://pbs.twimg.com/profile_banners/42/1700000000\",\"after\":\"\"}}}")!;

        Assert.Equal(ProfileMediaWatchKind.Banner, change.Kind);
        Assert.Null(change.NewUrl);
        Assert.Null(change.New);
        var old = Assert.IsType<ProfileBannerVariant>(change.Old);
        Assert.Equal(("1500x500", "https://pbs.twimg.com/profile_banners/42/1700000000/1500x500"), (old.Name, old.Url));
    }

    [Fact]
    public void Other_event_types_are_passed_over_and_an_error_object_is_stream_closed_by_service()
    {
        Assert.Null(Parse("{\"data\":{\"event_type\":\"profile.update.bio\",\"event_uuid\":\"e3\",\"filter\":{\"user_id\":\"42\"},\"payload\":{\"before\":\"a\",\"after\":\"b\"}}}"));

        var error = Assert.Throws<XApiException>(() => Parse("{\"errors\":[{\"title\":\"operational-disconnect\",\"detail\":\"This stream has been disconnected upstream for operational reasons.\",\"type\":\"https://api.x.com/2/problems/operational-disconnect\"}]}"));
        Assert.Equal(ErrorIds.StreamClosedByService, error.ErrorId);
        Assert.Contains("disconnected upstream", error.Message, StringComparison.Ordinal);
        Assert.Contains("reconnects", error.Message, StringComparison.Ordinal);
    }

    private static ProfileMediaChange? Parse(string frame) => ActivityResponseParser.ParseFrame(Encoding.UTF8.GetBytes(frame), Now);
}
