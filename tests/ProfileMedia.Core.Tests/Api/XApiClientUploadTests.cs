using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ProfileMedia.Core.Api;
using ProfileMedia.Core.Images;
using ProfileMedia.Core.Uploads;
using ProfileMedia.Emulator;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Core.Tests.Api;

/// <summary>The three account-changing endpoints, streamed as multipart, against the emulator.</summary>
public sealed class XApiClientUploadTests : IClassFixture<ClientHarness>
{
    private readonly ClientHarness _harness;

    public XApiClientUploadTests(ClientHarness harness)
    {
        _harness = harness;
        harness.Server.Reset();
    }

    private static ImageFile Image(byte[] bytes, long limit = ImageFile.MaxProfileImageBytes)
    {
        Assert.Equal(ImageProblem.None, ImageFile.Inspect(TestImages.WriteTemp(bytes), limit, out ImageFile? file, out _));
        return file!;
    }

    private static UserReference Uploader => UserReference.ForScreenName("EmulatedUser", out _)!;

    [Fact]
    public async Task A_new_profile_image_is_streamed_raw_and_shows_after_processing()
    {
        using XApiClient client = _harness.Client();
        ProfileUser before = await client.GetUserAsync(Uploader, ApiCallOptions.Quiet, CancellationToken.None);
        _harness.Server.ClearRequests();

        byte[] bytes = TestImages.PngOfSize(200_000);
        ProfileUser updated = await client.UpdateProfileImageAsync(Image(bytes), false, true, ApiCallOptions.Quiet, CancellationToken.None);

        Assert.NotEqual(before.ProfileImageUrlHttps, updated.ProfileImageUrlHttps);
        RecordedRequest upload = Assert.Single(_harness.Server.Requests);
        Assert.True(upload.ContentLength < bytes.Length + 1_000, "the body must be the raw bytes, not base64");
        Assert.Contains("skip_status=true", upload.PathAndQuery, StringComparison.Ordinal);

        var (seen, changed) = await client.WaitForProfileImageAsync(updated.ProfileImageUrlHttps!, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100), ApiCallOptions.Quiet, CancellationToken.None);
        Assert.True(changed);
        Assert.Equal(updated.ProfileImageUrlHttps, seen.ProfileImageUrlHttps);
    }

    [Fact]
    public async Task A_file_removed_after_its_check_is_said_not_to_have_been_sent()
    {
        using XApiClient client = _harness.Client();
        ImageFile image = Image(TestImages.PngOfSize(10_000));
        System.IO.File.Delete(image.Path);
        _harness.Server.ClearRequests();

        var error = await Assert.ThrowsAsync<XApiException>(() => client.UpdateProfileImageAsync(image, false, true, ApiCallOptions.Quiet, CancellationToken.None));

        Assert.Equal("ImageFileNotFound", error.ErrorId);
        Assert.Contains("was not sent", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("may or may not", error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.Server.Requests);
    }

    [Fact]
    public async Task A_banner_upload_accepts_the_empty_201_and_replaces_the_banner()
    {
        using XApiClient client = _harness.Client();
        ProfileUser before = await client.GetUserAsync(Uploader, ApiCallOptions.Quiet, CancellationToken.None);
        await client.UpdateProfileBannerAsync(Image(TestImages.PngOfSize(3_000_000), ImageFile.MaxBannerBytes), new ImageRegion(0, 10, 1500, 500), ApiCallOptions.Quiet, CancellationToken.None);
        ProfileUser after = await client.GetUserAsync(Uploader, ApiCallOptions.Quiet, CancellationToken.None);

        Assert.NotEqual(before.ProfileBannerUrl, after.ProfileBannerUrl);
        Assert.Contains(_harness.Server.Requests, r => r.PathAndQuery.Contains("update_profile_banner.json?width=1500&height=500&offset_left=0&offset_top=10", StringComparison.Ordinal) && r.Status == 201);
    }

    [Fact]
    public async Task Removing_the_banner_leaves_the_user_without_one()
    {
        using XApiClient client = _harness.Client();
        await client.RemoveProfileBannerAsync(ApiCallOptions.Quiet, CancellationToken.None);
        Assert.Null((await client.GetUserAsync(Uploader, ApiCallOptions.Quiet, CancellationToken.None)).ProfileBannerUrl);
    }

    [Fact]
    public async Task A_read_only_app_is_told_it_lacks_write_permission_and_nothing_changes()
    {
        _harness.Server.Restrict("EmulatedUser", AccountRestrictions.ReadOnly);
        using XApiClient client = _harness.Client();
        var error = await Assert.ThrowsAsync<XApiException>(() => client.RemoveProfileBannerAsync(ApiCallOptions.Quiet, CancellationToken.None));
        Assert.Equal("AppCannotWrite", error.ErrorId);
        Assert.NotNull((await client.GetUserAsync(Uploader, ApiCallOptions.Quiet, CancellationToken.None)).ProfileBannerUrl);
    }

    [Fact]
    public async Task A_dropped_upload_is_not_sent_twice()
    {
        using XApiClient client = _harness.Client();
        _harness.Server.ClearRequests();
        _harness.Server.InjectFault(new FaultSpec { PathPrefix = "/1.1/account/", Kind = FaultKind.Drop, Count = 5 });

        var error = await Assert.ThrowsAsync<XApiException>(() => client.UpdateProfileImageAsync(Image(TestImages.Png), false, false, ApiCallOptions.Quiet, CancellationToken.None));
        Assert.Equal("ConnectionFailed", error.ErrorId);
        Assert.Contains("Get-ProfileUser", error.Message, StringComparison.Ordinal);
        Assert.Single(_harness.Server.Requests, r => r.PathAndQuery.StartsWith("/1.1/account/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_service_size_limit_answers_413_as_ImageTooLarge()
    {
        // Past the local check (its limit raised here) so that the emulator's own limit answers.
        using XApiClient client = _harness.Client();
        var error = await Assert.ThrowsAsync<XApiException>(() =>
            client.UpdateProfileImageAsync(Image(TestImages.PngOfSize(800_000), limit: 1_000_000), false, false, ApiCallOptions.Quiet, CancellationToken.None));
        Assert.Equal("ImageTooLarge", error.ErrorId);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, error.StatusCode);
    }
}
