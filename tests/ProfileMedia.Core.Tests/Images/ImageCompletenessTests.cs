using System;
using System.IO;
using System.Linq;
using System.Text;
using ProfileMedia.Core.Images;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Core.Tests.Images;

/// <summary>
/// A body is kept only when it is a whole image of the format it claims. The class of fault: any image cut anywhere,
/// or a signature followed by something else, is refused; bytes after the end marker are allowed.
/// </summary>
public sealed class ImageCompletenessTests
{
    // 1x1 images made by real encoders (PNG by zlib, GIF the classic one-pixel file) and small ones built to each format's layout.
    private static readonly byte[] RealPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    private static readonly byte[] RealGif = Convert.FromHexString("47494638396101000100800000FFFFFF00000021F90401000000002C00000000010001000002024401003B");

    // SOI, APP0 (JFIF), SOS with its header, entropy-coded data holding a stuffed FF00 and a restart marker, EOI.
    private static readonly byte[] ScannedJpeg = Convert.FromHexString("FFD8FFE000104A46494600010100000100010000FFDA000801010000003F001234FF0056FFD078FFD9");

    // RIFF, its size, WEBP, one VP8L chunk of 5 bytes and its pad byte.
    private static readonly byte[] SmallWebP = Encoding.ASCII.GetBytes("RIFF").Concat(new byte[] { 18, 0, 0, 0 }).Concat(Encoding.ASCII.GetBytes("WEBPVP8L"))
        .Concat(new byte[] { 5, 0, 0, 0, 0x2F, 0, 0, 0, 0, 0 }).ToArray();

    public static TheoryData<string, byte[]> CompleteImages => new()
    {
        { ImageExtension.Png, RealPng },
        { ImageExtension.Png, TestImages.PngLike(5_000) },
        { ImageExtension.Jpeg, ScannedJpeg },
        { ImageExtension.Jpeg, TestImages.JpegLike(70_000) },
        { ImageExtension.Gif, RealGif },
        { ImageExtension.WebP, SmallWebP },
    };

    [Theory]
    [MemberData(nameof(CompleteImages))]
    public void A_whole_image_is_complete_and_every_shorter_cut_of_it_is_not(string extension, byte[] image)
    {
        Assert.True(IsComplete(image));
        for (int length = 0; length < image.Length; length += Math.Max(1, image.Length / 500))
        {
            Assert.False(IsComplete(image.AsSpan(0, length).ToArray()), extension + " cut to " + length + " of " + image.Length + " bytes");
        }

        Assert.False(IsComplete(image.AsSpan(0, image.Length - 1).ToArray()));
    }

    [Theory]
    [MemberData(nameof(CompleteImages))]
    public void Bytes_after_the_end_marker_are_allowed(string extension, byte[] image)
    {
        Assert.True(IsComplete(image.Concat(new byte[64]).ToArray()), extension + " with zero padding");
        Assert.True(IsComplete(image.Concat(Encoding.ASCII.GetBytes("\n<html>appended data</html>")).ToArray()), extension + " with appended data");
    }

    [Fact]
    public void A_jpeg_signature_alone_is_not_a_jpeg()
    {
        Assert.False(IsComplete(new byte[] { 0xFF, 0xD8, 0xFF }));
        Assert.False(IsComplete(new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 }.Take(3).ToArray()));
    }

    [Theory]
    [InlineData("GIF89a<html><body>Not found</body></html>")]
    [InlineData("GIF87a\n<!DOCTYPE html><html lang=en><script>var a = 1;</script></html>;")]
    public void A_gif_header_followed_by_html_is_not_a_gif(string body)
    {
        Assert.False(IsComplete(Encoding.ASCII.GetBytes(body)));
    }

    [Fact]
    public void A_png_whose_first_chunk_is_not_ihdr_is_not_a_png()
    {
        byte[] bogus = RealPng.Take(8).Concat(new byte[] { 0, 0, 0, 0 }).Concat(Encoding.ASCII.GetBytes("IEND")).Concat(new byte[4]).ToArray();
        Assert.False(IsComplete(bogus));
    }

    [Fact]
    public void Bytes_that_are_no_image_format_are_never_complete()
    {
        Assert.False(IsComplete(Encoding.ASCII.GetBytes("<html><body>Not found</body></html>")));
        Assert.False(IsComplete(new byte[] { 0x00, 0x00, 0x00, 0x00 }));
    }

    // The downloader asks what the bytes themselves claim to be (ImageSignature.Detect): the extension in the theory
    // data names the format each case is about.
    private static bool IsComplete(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return ImageSignature.IsComplete(stream);
    }
}
